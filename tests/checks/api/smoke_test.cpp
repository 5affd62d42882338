// api.smoke against the emulator and against scripted httplib servers on 127.0.0.1.
#include <catch2/catch.hpp>

#include <atomic>

#include "engine/packs.hpp"
#include "net/self_signed.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;
using std::chrono::milliseconds;

namespace {

/// Total backoff recorded across the attempts of a result's evidence labels.
bool mentions_wait_of_at_least(const CheckResult& r, long ms) {
  for (const auto& e : r.evidence) {
    auto at = e.label.find("waited ");
    if (at != std::string::npos && std::stol(e.label.substr(at + 7)) >= ms) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("api.smoke: the emulator's /assets passes with status, X-Request-Id and latency",
          "[checks][api]") {
  Emu e;
  ApiHarness h;
  const auto r = h.run("api.smoke", api_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("GET /assets answered 200, a JSON list of 14 items") &&
                            Catch::Contains("X-Request-Id req_"));
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].method == "GET");
  CHECK(r.evidence[0].status == 200);
  CHECK_THAT(r.evidence[0].request_id, Catch::StartsWith("req_"));
  CHECK(r.evidence[0].latency_ms.has_value());
  CHECK_THAT(r.evidence[0].url, Catch::EndsWith("/v1/assets"));
  require_no_secret(r);
}

TEST_CASE("api.smoke: path and query options are sent percent-encoded", "[checks][api]") {
  Emu e;
  ApiHarness h;
  const auto opts =
      YAML::Load(R"({path: /assets, query: {class: equity, country: us, tradable: "true"}})");
  const auto r = h.run("api.smoke", api_target(e.emu.base_url()), opts);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.evidence[0].url,
             Catch::EndsWith("/v1/assets?class=equity&country=us&tradable=true"));
  CHECK_THAT(r.summary, !Catch::Contains("14 items"));  // filtered: SHOP, BTC... left out
}

TEST_CASE("api.smoke: a path without a leading slash is an option error", "[checks][api]") {
  CheckOptions opts("api.smoke", YAML::Load("{path: assets}"), SourceLoc{"p.yaml", 3, 4});
  const auto* entry = builtin_registry().find("api.smoke");
  entry->make(opts);
  REQUIRE_THROWS_WITH(opts.finish(), Catch::Contains("must start with '/'"));
}

TEST_CASE("api.smoke: bad-json fails with a one-line 'not JSON' reason", "[checks][api]") {
  Emu e({"bad-json"});
  ApiHarness h;
  const auto r = h.run("api.smoke", api_target(e.emu.base_url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("answered 200 but the response body is not JSON"));
  CHECK(r.summary.find('\n') == std::string::npos);
  CHECK_FALSE(r.fix.empty());
  CHECK(r.evidence.back().status == 200);
}

TEST_CASE("api.smoke: slow fails over the latency budget", "[checks][api]") {
  Emu e({"slow"}, milliseconds(1100));
  ApiHarness h;
  const auto r = h.run("api.smoke", api_target(e.emu.base_url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("over the 1000 ms budget"));
  CHECK(*r.evidence.back().latency_ms >= 1100);
  CHECK(h.run("api.smoke", api_target(e.emu.base_url()), YAML::Load("{max_latency_ms: 5000}"))
            .status == Status::pass);
}

TEST_CASE("api.smoke: 5xx before success warns, with every attempt as evidence", "[checks][api]") {
  Emu e({"5xx-burst"});
  ApiHarness h;
  const auto r = h.run("api.smoke", api_target(e.emu.base_url()));
  REQUIRE(r.status == Status::warn);
  CHECK_THAT(r.summary, Catch::Contains("3 attempts") && Catch::Contains("5xx before succeeding"));
  REQUIRE(r.evidence.size() == 3);
  CHECK(r.evidence[0].status == 503);
  CHECK_THAT(r.evidence[0].observed, Catch::Contains("retried"));
}

TEST_CASE("api.smoke: a wrong secret fails with the BLUM-401-003 meaning", "[checks][api]") {
  bluum::emulator::Options o;
  o.credentials = std::make_pair(kApiKey, std::string("the-right-secret"));
  bluum::emulator::Emulator emu(o);
  emu.start();
  ApiHarness h;
  const auto r = h.run("api.smoke", api_target(emu.base_url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("401 BLUM-401-003") &&
                            Catch::Contains("the key or secret was not updated"));
  CHECK_FALSE(r.fix.empty());
  CHECK(r.evidence.size() == 1);  // 401 is never retried
  require_no_secret(r);
}

TEST_CASE("api.smoke: 429 with Retry-After: 2 then 200 passes and shows the 2 s wait",
          "[checks][api][integration]") {
  TestServer<> srv;
  std::atomic<int> calls{0};
  srv.server().Get("/v1/assets", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "2");
      res.set_content(
          R"({"error":{"type":"rate_limit_error","code":"BLUM-429-001","message":"slow down"}})",
          "application/json");
      return;
    }
    res.set_header("X-Request-Id", "req_after_wait");
    res.set_content(R"({"status":"success","data":[{"symbol":"AAPL"}],"count":1})",
                    "application/json");
  });
  srv.start();
  ApiHarness h;
  const auto began = std::chrono::steady_clock::now();
  const auto r = h.run("api.smoke", api_target(srv.url("/v1")));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK(std::chrono::steady_clock::now() - began >= milliseconds(2000));
  CHECK_THAT(r.summary, Catch::Contains("2 attempts, waited 2"));
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[0].status == 429);
  CHECK(r.evidence[1].request_id == "req_after_wait");
  CHECK(mentions_wait_of_at_least(r, 2000));
}

TEST_CASE("api.smoke: a refused connection is inconclusive with a one-line reason",
          "[checks][api][integration]") {
  RawSocket closed(false);
  ApiHarness h;
  h.time = milliseconds(3000);
  const auto r = h.run("api.smoke", api_target(closed.url("/v1")));
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("connection refused"));
  CHECK(r.summary.find('\n') == std::string::npos);
}

TEST_CASE("api.smoke: a server that never answers is inconclusive within the deadline",
          "[checks][api][integration]") {
  RawSocket silent(true);
  ApiHarness h;
  h.time = milliseconds(2000);
  const auto began = std::chrono::steady_clock::now();
  const auto r = h.run("api.smoke", api_target(silent.url("/v1")));
  const auto took = std::chrono::steady_clock::now() - began;
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("timed out"));
  CHECK(took < milliseconds(3000));
}

TEST_CASE("api.smoke: a non-JSON 200 and a JSON non-list each fail with a clear reason",
          "[checks][api][integration]") {
  TestServer<> srv;
  srv.server().Get("/v1/html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html>Welcome to nginx</html>", "text/html");
  });
  srv.server().Get("/v1/object", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"id":"inv_1","object":"investor"})", "application/json");
  });
  srv.start();
  ApiHarness h;
  auto r = h.run("api.smoke", api_target(srv.url("/v1")), YAML::Load("{path: /html}"));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("not JSON") && Catch::Contains("text/html") &&
                            Catch::Contains("Welcome to nginx"));
  r = h.run("api.smoke", api_target(srv.url("/v1")), YAML::Load("{path: /object}"));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("not a list: a JSON object with keys id, object"));
}

TEST_CASE("api.smoke: an untrusted certificate fails with the TLS reason",
          "[checks][api][integration]") {
  SelfSignedCert cert;
  TestServer<httplib::SSLServer> srv(cert.cert_path().c_str(), cert.key_path().c_str());
  srv.start();
  ApiHarness h;
  const auto r = h.run("api.smoke", api_target(srv.url("/v1")));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("TLS certificate verification failed"));
  CHECK_FALSE(r.fix.empty());
}

TEST_CASE("api.smoke: --plan names the request relative to an unknown base", "[checks][api]") {
  CheckOptions opts("api.smoke", YAML::Load(R"({query: {q: "a b"}})"), SourceLoc{"p.yaml", 1, 1},
                    &provider_pack("bluum"));
  auto check = builtin_registry().find("api.smoke")->make(opts);
  auto t = target(EnvKind::sandbox, "embedded");
  auto plan = check->planned_requests(t);
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].url == "{base}/assets?q=a%20b");
  CHECK(plan[0].side_effect == SideEffect::read_only);
  t.base_url = "https://sandbox.api.bluumfinance.com/v1/";
  CHECK(check->planned_requests(t)[0].url ==
        "https://sandbox.api.bluumfinance.com/v1/assets?q=a%20b");
}
