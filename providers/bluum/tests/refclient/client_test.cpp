// Bluum's reference client (providers/bluum/refclient): what a correct integration does on
// every call, against an in-process loopback server.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <sstream>
#include <vector>

#include "net/test_server.hpp"
#include "providers/bluum/refclient/client.hpp"

using namespace golive;
using namespace golive::bluum::refclient;
using golive::testing::TestServer;

namespace {

/// A server that answers each request with the next scripted status (then 200), recording the
/// Idempotency-Key of each.
struct Scripted {
  TestServer<> srv;
  std::mutex mu;
  std::vector<int> script;
  std::vector<std::string> keys;
  std::atomic<int> seen{0};

  explicit Scripted(std::vector<int> statuses) : script(std::move(statuses)) {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu);
      const int n = seen++;
      keys.push_back(req.get_header_value("Idempotency-Key"));
      const int status = n < static_cast<int>(script.size()) ? script[n] : 200;
      res.status = status;
      res.set_header("X-Request-Id", "req_" + std::to_string(n + 1));
      if (status >= 400) {
        res.set_content(R"({"error":{"code":"BLUM-)" + std::to_string(status) +
                            R"(-001","trace_id":"tr_)" + std::to_string(n + 1) + R"("}})",
                        "application/json");
      } else {
        res.set_content(R"({"id":"ok"})", "application/json");
      }
    };
    srv.server().Get(".*", handler);
    srv.server().Post(".*", handler);
    srv.start();
  }
  ClientConfig config() {
    ClientConfig c;
    c.base_url = srv.url("/v1");
    c.api_key = Secret("ck_test", "test");
    c.api_secret = Secret("cs_test", "test");
    c.rate_per_s = 1000;
    c.backoff_base = std::chrono::milliseconds(1);
    c.backoff_cap = std::chrono::milliseconds(4);
    c.seed = 1;
    return c;
  }
};

}  // namespace

TEST_CASE("reference client: trace_id_of finds the trace id wherever the envelope puts it") {
  using nlohmann::json;
  CHECK(trace_id_of(json::parse(R"({"error":{"code":"X","trace_id":"tr_1"}})")) == "tr_1");
  CHECK(trace_id_of(json::parse(R"({"traceId":"tr_2","error":{}})")) == "tr_2");
  CHECK(trace_id_of(json::parse(R"([{"meta":{"trace_id":"tr_3"}}])")) == "tr_3");
  CHECK(trace_id_of(json::parse(R"({"error":{"code":"X"}})")).empty());
  CHECK(trace_id_of(json()).empty());
}

TEST_CASE("reference client: a POST retried after 5xx reuses its Idempotency-Key") {
  Scripted s({503, 500});
  std::ostringstream log;
  Client api(s.config(), log);
  const CallResult r = api.post("/deposits", {{"amount", "1.00"}});
  CHECK(r.status == 200);
  CHECK(r.attempts == 3);
  REQUIRE(s.keys.size() == 3);
  CHECK(s.keys[0].size() == 32);
  CHECK(s.keys[1] == s.keys[0]);
  CHECK(s.keys[2] == s.keys[0]);
}

TEST_CASE("reference client: every attempt's request id and trace id are logged") {
  Scripted s({503});
  std::ostringstream log;
  Client api(s.config(), log);
  api.get("/assets");
  CHECK_THAT(log.str(), Catch::Contains("-> 503 request_id=req_1 trace_id=tr_1"));
  CHECK_THAT(log.str(), Catch::Contains("-> 200 request_id=req_2"));
  CHECK(log.str().find("cs_test") == std::string::npos);
}

TEST_CASE("reference client: a 4xx is never retried") {
  for (int status : {400, 401, 403, 404, 409, 422}) {
    Scripted s({status});
    std::ostringstream log;
    Client api(s.config(), log);
    INFO(status);
    CHECK(api.post("/investors", {{"a", 1}}).status == status);
    CHECK(s.seen == 1);
  }
}

TEST_CASE("reference client: gives up after five attempts") {
  Scripted s(std::vector<int>(12, 503));
  std::ostringstream log;
  Client api(s.config(), log);
  const CallResult r = api.get("/positions");
  CHECK(r.status == 503);
  CHECK(s.seen == 5);
}

TEST_CASE("reference client: a cached GET within its time to live sends nothing") {
  Scripted s({});
  std::ostringstream log;
  Client api(s.config(), log);
  CHECK(api.get("/assets", std::chrono::seconds(60)).status == 200);
  const CallResult again = api.get("/assets", std::chrono::seconds(60));
  CHECK(again.from_cache);
  CHECK(again.status == 200);
  CHECK(s.seen == 1);
  api.get("/positions");
  api.get("/positions");
  CHECK(s.seen == 3);  // without a ttl nothing is cached
}
