// The grades driven by the provider facts in a recording's header: trace-ids, throttling,
// credentials, network-header, token-caching. Each is shown passing a correct client, failing a
// broken one, and inconclusive (or skipped) when the run could not show it.
#include <catch2/catch.hpp>

#include "audit/grader.hpp"
#include "recording_builder.hpp"

using namespace golive;
using namespace golive::audit;
using golive::audit::test::Builder;

TEST_CASE("trace-ids: every injected trace id must be in the client's log") {
  Builder b;
  b.add("GET", "/v1/assets", 200, 0);
  CHECK(grade_trace_ids(b.rec, std::string("anything")).status == Status::inconclusive);
  auto& e = b.add("GET", "/v1/assets", 429, 10);
  e.trace_id = "trace_0123456789abcdef0123";
  b.add("GET", "/v1/assets", 200, 1100);
  // No log given: the run could not show it.
  CHECK(grade_trace_ids(b.rec, std::nullopt).status == Status::inconclusive);
  b.rec.header.client_log = "/tmp/client.log";
  CHECK(grade_trace_ids(b.rec, std::nullopt).status == Status::inconclusive);  // unreadable
  auto pass = grade_trace_ids(b.rec, std::string("429 trace_id=trace_0123456789abcdef0123\n"));
  CHECK(pass.status == Status::pass);
  auto fail = grade_trace_ids(b.rec, std::string("429 x-request-id=req_2\n"));
  CHECK(fail.status == Status::fail);
  CHECK(fail.summary ==
        "1 of 1 trace ids of injected error bodies are missing from /tmp/client.log");
  CHECK_FALSE(fail.fix.empty());
  REQUIRE(fail.evidence.size() == 1);
  CHECK(fail.evidence[0].expected == "trace_0123456789abcdef0123 in the client log");
}

TEST_CASE("throttling: the busiest one-second window stays within the published limit") {
  Builder b;
  b.rec.header.rate_limit = RecordedRateLimit{10, 1};
  for (int i = 0; i < 5; ++i) b.add("GET", "/v1/assets", 200, i * 10.0);
  CHECK(grade_throttling(b.rec).status == Status::inconclusive);  // never near the limit
  Builder paced;
  paced.rec.header.rate_limit = RecordedRateLimit{10, 1};
  // 30 requests exactly 100 ms apart: 10 per second, pacing at the limit.
  for (int i = 0; i < 30; ++i) paced.add("GET", "/v1/assets", 200, i * 100.0);
  auto pass = grade_throttling(paced.rec);
  CHECK(pass.status == Status::pass);
  CHECK(pass.summary.find("at most 10 requests started within any 1 s") == 0);
  Builder burst;
  burst.rec.header.rate_limit = RecordedRateLimit{10, 1};
  for (int i = 0; i < 15; ++i) burst.add("GET", "/v1/assets", 200, 2000 + i * 20.0);
  auto fail = grade_throttling(burst.rec);
  CHECK(fail.status == Status::fail);
  CHECK(fail.summary.find("15 requests started within 1 s") == 0);
  CHECK(fail.evidence.at(0).observed == "15 requests from #1 to #15 within 280 ms");
  Builder none;
  CHECK(grade_throttling(none.rec).status == Status::skip);  // no published limit
}

TEST_CASE("credentials: the client authenticates with the audited profile's credentials") {
  Builder b;
  b.rec.header.profile = "sandbox";
  b.add("GET", "/v1/assets", 200, 0);
  CHECK(grade_credentials(b.rec).status == Status::inconclusive);  // nothing expected
  b.rec.header.credentials["api_key"] = {"sha256:aaaaaaaaaaaa", "env BLUUM_API_KEY"};
  CHECK(grade_credentials(b.rec).status == Status::inconclusive);  // nothing carried
  auto& ok = b.add("GET", "/v1/assets", 200, 10);
  ok.auth.scheme = "basic";
  ok.auth.credentials["api_key"] = "sha256:aaaaaaaaaaaa";
  auto pass = grade_credentials(b.rec);
  CHECK(pass.status == Status::pass);
  CHECK(pass.summary.find("all 1 authenticated requests used the credentials of profile sandbox") ==
        0);
  auto& old = b.add("GET", "/v1/assets", 401, 20);
  old.auth.scheme = "basic";
  old.auth.credentials["api_key"] = "sha256:bbbbbbbbbbbb";
  auto fail = grade_credentials(b.rec);
  CHECK(fail.status == Status::fail);
  REQUIRE(fail.evidence.size() == 1);
  CHECK(fail.evidence[0].observed == "sha256:bbbbbbbbbbbb");
  CHECK(fail.evidence[0].expected == "sha256:aaaaaaaaaaaa of sandbox (env BLUUM_API_KEY)");
}

TEST_CASE("network-header: every request carries the header of its key's mode") {
  Builder b;
  b.add("GET", "/v1/assets", 200, 0);
  CHECK(grade_network_header(b.rec).status == Status::skip);  // the pack requires none
  b.rec.header.required_headers["X-Network"] = {{"sandbox", "testnet"}, {"production", "mainnet"}};
  b.rec.exchanges.clear();
  CHECK(grade_network_header(b.rec).status == Status::inconclusive);
  for (int i = 0; i < 3; ++i) {
    auto& e = b.add("GET", "/v1/payments", 200, i * 10.0);
    e.key_mode = "sandbox";
    e.headers["X-Network"] = "testnet";
  }
  auto pass = grade_network_header(b.rec);
  CHECK(pass.status == Status::pass);
  CHECK(pass.evidence.at(0).observed == "testnet on 3 request(s)");
  auto& live = b.add("GET", "/v1/payments", 200, 40);
  live.key_mode = "production";
  live.headers["X-Network"] = "testnet";                       // a live key with the test network
  b.add("GET", "/v1/payments", 200, 50).key_mode = "sandbox";  // no header at all
  auto fail = grade_network_header(b.rec);
  CHECK(fail.status == Status::fail);
  REQUIRE(fail.evidence.size() == 2);
  CHECK(fail.evidence[0].expected == "mainnet (the production mode of its key)");
  CHECK(fail.evidence[0].observed == "testnet");
  CHECK(fail.evidence[1].observed == "absent");
}

TEST_CASE("token-caching: a few tokens per scope per hour, never one per request") {
  Builder b;
  b.add("GET", "/v1/users", 200, 0).auth.scheme = "bearer";
  CHECK(grade_token_caching(b.rec).status == Status::skip);  // not a token exchange
  b.rec.header.token_path = "/token";
  CHECK(grade_token_caching(b.rec).status == Status::inconclusive);  // no token seen
  auto token = [&b](double t) {
    auto& e = b.add("POST", "/v1/token", 200, t);
    e.token_request = true;
    e.token_scope = "SERVER_ACCESS";
    e.token_issued = true;
    e.token_expires_s = 3600;
  };
  b.rec.exchanges.clear();
  token(0);
  auto& failed = b.add("POST", "/v1/token", 503, 5);  // a failed token request is not counted
  failed.token_request = true;
  token(10);
  for (int i = 0; i < 10; ++i) b.add("GET", "/v1/users", 200, 20 + i * 10.0).auth.scheme = "bearer";
  b.rec.footer.duration_ms = 5000;
  auto pass = grade_token_caching(b.rec);
  CHECK(pass.status == Status::pass);
  CHECK(pass.summary.find("2 token(s) for 10 API requests") == 0);
  Builder each;
  each.rec.header.token_path = "/token";
  for (int i = 0; i < 4; ++i) {
    auto& t = each.add("POST", "/v1/token", 200, i * 20.0);
    t.token_request = true;
    t.token_issued = true;
    t.token_scope = "SERVER_ACCESS";
    each.add("GET", "/v1/users", 200, i * 20.0 + 10).auth.scheme = "bearer";
  }
  auto fail = grade_token_caching(each.rec);
  CHECK(fail.status == Status::fail);
  CHECK(fail.summary == "4 token requests for 4 API requests: about one per request");
}

TEST_CASE("the grades that apply follow the provider facts of the recording") {
  Builder b;
  auto ids = grade_ids_for(b.rec.header);
  CHECK(std::find(ids.begin(), ids.end(), "client.token-caching") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "client.network-header") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "client.trace-ids") != ids.end());
  b.rec.header.token_path = "/token";
  b.rec.header.rate_limit = RecordedRateLimit{10, 1};
  ids = grade_ids_for(b.rec.header);
  CHECK(std::find(ids.begin(), ids.end(), "client.token-caching") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "client.throttling") != ids.end());
}
