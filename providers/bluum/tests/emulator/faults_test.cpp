#include <regex>

#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

namespace {

/// Requests until the first 429 (at most `limit`); returns the count of 200s before it.
int successes_before_429(httplib::Client& c, int limit,
                         std::optional<httplib::Response>* throttled) {
  int ok = 0;
  for (int i = 0; i < limit; ++i) {
    auto r = c.Get("/v1/assets");
    REQUIRE(r);
    if (r->status == 429) {
      *throttled = *r;
      return ok;
    }
    ++ok;
  }
  return ok;
}

}  // namespace

TEST_CASE("emulator: more than 10 requests in a second answer 429 BLUM-429-001 with Retry-After",
          "[emulator]") {
  ManualClock clock;  // time stands still, so the burst is deterministic
  Options o;
  o.clock = &clock;
  Running run(o);
  auto c = run.client("key_rate", "s");
  std::optional<httplib::Response> throttled;
  CHECK(successes_before_429(c, 50, &throttled) == 10);
  REQUIRE(throttled);
  CHECK(throttled->get_header_value("Retry-After") == "1");
  CHECK(json::parse(throttled->body)["error"]["code"] == "BLUM-429-001");
  CHECK(json::parse(throttled->body)["error"]["type"] == "rate_limit_error");
  // Another key pair has its own budget; time passing refills this one.
  auto other = run.client("key_other", "s");
  CHECK(other.Get("/v1/assets")->status == 200);
  clock.advance(std::chrono::seconds(1));
  CHECK(c.Get("/v1/assets")->status == 200);
}

TEST_CASE("emulator: the rate limit trips with the real clock too", "[emulator]") {
  Running run;
  auto c = run.client("key_real_rate", "s");
  std::optional<httplib::Response> throttled;
  successes_before_429(c, 500, &throttled);
  REQUIRE(throttled);
  CHECK(json::parse(throttled->body)["error"]["code"] == "BLUM-429-001");
  CHECK_FALSE(throttled->get_header_value("Retry-After").empty());
}

TEST_CASE("emulator: fault rate-limit-tight allows 2 requests per second", "[emulator]") {
  ManualClock clock;
  Options o = with_faults({"rate-limit-tight"});
  o.clock = &clock;
  Running run(o);
  auto c = run.client();
  std::optional<httplib::Response> throttled;
  CHECK(successes_before_429(c, 20, &throttled) == 2);
  REQUIRE(throttled);
}

TEST_CASE("emulator: fault 5xx-burst answers 503 to a tenant's first requests", "[emulator]") {
  Options o = with_faults({"5xx-burst"});
  o.burst_5xx = 2;
  Running run(o);
  auto c = run.client("key_burst", "s");
  for (int i = 0; i < 2; ++i) {
    auto r = c.Get("/v1/assets");
    REQUIRE(r);
    CHECK(r->status == 503);
    CHECK(code_of(r) == "BLUM-503-001");  // the code's status is the HTTP status
    CHECK(body_of(r)["error"]["type"] == "api_error");
  }
  CHECK(c.Get("/v1/assets")->status == 200);
  auto fresh = run.client("key_burst_2", "s");
  CHECK(fresh.Get("/v1/assets")->status == 503);
}

TEST_CASE("emulator: fault 5xx-burst does not make a retried deposit move money twice",
          "[emulator]") {
  Options o = with_faults({"5xx-burst"});
  o.burst_5xx = 3;
  Running run(o);
  auto c = run.client("key_retry", "s");
  for (int i = 0; i < 3; ++i) c.Get("/v1/assets");
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  CHECK(post_json(c, path, deposit_body(fs), "retry-key")->status == 201);
  CHECK(post_json(c, path, deposit_body(fs), "retry-key")->status == 201);
  CHECK(run.emu.deposit_count("key_retry") == 1);
}

TEST_CASE("emulator: fault slow delays API responses by slow_delay", "[emulator]") {
  Options o = with_faults({"slow"});
  o.slow_delay = std::chrono::milliseconds(300);
  Running run(o);
  auto c = run.client();
  const auto start = std::chrono::steady_clock::now();
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 200);
  // Only a lower bound: a slow machine can make it later, never sooner.
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
}

TEST_CASE("emulator: every response carries X-Request-Id and an IMF-fixdate Date", "[emulator]") {
  ManualClock clock;
  Options o;
  o.clock = &clock;
  o.rate_limit_per_s = 3;
  Running run(o);
  auto c = run.client();
  auto anonymous = run.anonymous();
  std::vector<httplib::Result> results;
  results.push_back(c.Get("/v1/assets"));                                // 200
  results.push_back(anonymous.Get("/v1/assets"));                        // 401
  results.push_back(c.Get("/v1/nope"));                                  // 404
  results.push_back(c.Post("/v1/investors", "[]", "application/json"));  // 400
  results.push_back(c.Get("/v1/assets"));                                // 429
  results.push_back(anonymous.Post("/receiver/webhooks", "{}", "application/json"));
  results.push_back(anonymous.Get("/elsewhere"));
  const std::regex date(
      R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)");
  std::set<std::string> ids;
  std::set<int> statuses;
  for (const auto& r : results) {
    REQUIRE(r);
    CAPTURE(r->status);
    statuses.insert(r->status);
    const std::string id = r->get_header_value("X-Request-Id");
    CHECK(id.rfind("req_", 0) == 0);
    CHECK(r->get_header_value_count("X-Request-Id") == 1);
    ids.insert(id);
    CHECK(std::regex_match(r->get_header_value("Date"), date));
  }
  CHECK(ids.size() == results.size());
  CHECK(statuses == std::set<int>{200, 400, 401, 404, 429});
}

TEST_CASE("emulator: request_count counts API requests", "[emulator]") {
  Running run;
  auto c = run.client();
  c.Get("/v1/assets");
  run.anonymous().Get("/v1/assets");
  CHECK(run.emu.request_count() == 2);
}

TEST_CASE("emulator: a body over 10 MB answers 400 BLUM-400-008, status and code agreeing",
          "[emulator]") {
  Running run(Options{});
  auto c = run.client("key_big", "s");
  const std::string big(10 * 1024 * 1024 + 1, 'x');
  auto r = c.Post("/v1/investors", big, "application/json");
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(code_of(r) == "BLUM-400-008");
  CHECK(r->has_header("X-Request-Id"));
}
