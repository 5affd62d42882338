#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "audit/proxy.hpp"
#include "core/secret.hpp"
#include "crypto/digest.hpp"
#include "engine/packs.hpp"
#include "net/test_server.hpp"

using namespace golive;
using namespace golive::audit;
using namespace std::chrono_literals;

namespace {

/// An upstream that echoes what it received and counts deposits.
struct Upstream {
  testing::TestServer<> server;
  std::mutex mu;
  std::vector<httplib::Request> seen;
  std::atomic<int> deposits{0};

  Upstream() {
    server.server().Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      remember(req);
      if (req.path == "/v1/slow") std::this_thread::sleep_for(100ms);
      res.set_header("X-Request-Id", "req_up_" + req.path.substr(4));
      res.set_content(R"({"ok":true,"path":")" + req.path + "\"}", "application/json");
    });
    server.server().Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      remember(req);
      ++deposits;
      res.status = 201;
      res.set_header("X-Request-Id", "req_up_post");
      res.set_content(R"({"id":"dep_1"})", "application/json");
    });
    server.start();
  }
  void remember(const httplib::Request& req) {
    std::lock_guard lock(mu);
    seen.push_back(req);
  }
};

struct Fixture {
  Upstream up;
  std::string record = (std::filesystem::temp_directory_path() /
                        ("golive-proxy-test-" + std::to_string(::getpid()) + ".jsonl"))
                           .string();
  Recorder recorder{record};
  FaultPlanner planner;
  Proxy proxy;

  explicit Fixture(const std::string& schedule, bool add_keys = false,
                   const ProviderPack& pack = provider_pack("bluum"))
      : planner(bind_schedule(builtin_schedule(schedule), pack), 1),
        proxy(ProxyConfig{up.server.url("/v1"), 5s, false, add_keys, "20260101T000000Z-abc123", 16,
                          pack},
              planner, recorder, std::chrono::steady_clock::now()) {
    proxy.start();
  }
  ~Fixture() {
    proxy.stop();
    std::filesystem::remove(record);
  }
  httplib::Client client() {
    httplib::Client c("127.0.0.1", proxy.port());
    c.set_read_timeout(5, 0);
    return c;
  }
  Recording recording() {
    std::istringstream ss(
        "{\"type\":\"header\",\"version\":" + std::to_string(k_recording_version) + "}\n" + raw());
    return parse_recording(ss);
  }
  std::string raw() {
    std::ifstream in(record);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

}  // namespace

TEST_CASE("the proxy forwards requests and records them without credentials") {
  Fixture f("none");
  CHECK(f.proxy.base_url() == "http://127.0.0.1:" + std::to_string(f.proxy.port()) + "/v1");
  auto c = f.client();
  c.set_basic_auth("key_proxy_test", "proxy-test-secret-value");
  auto r = c.Get("/v1/assets?class=equity", {{"Cookie", "session=cookie-secret-value"}});
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == R"({"ok":true,"path":"/v1/assets"})");
  CHECK(r->get_header_value("X-Request-Id") == "req_up_assets");
  {
    std::lock_guard lock(f.up.mu);
    REQUIRE(f.up.seen.size() == 1);
    CHECK(f.up.seen[0].get_param_value("class") == "equity");
    CHECK(f.up.seen[0].get_header_value("Authorization") ==
          "Basic a2V5X3Byb3h5X3Rlc3Q6cHJveHktdGVzdC1zZWNyZXQtdmFsdWU=");
  }
  auto p = c.Post("/v1/investors/inv_1/deposits", {{"Idempotency-Key", "key-1"}},
                  R"({"amount":"1.00"})", "application/json");
  REQUIRE(p);
  CHECK(p->status == 201);
  CHECK(f.proxy.api_keys_seen() == std::set<std::string>{"key_proxy_test"});
  f.proxy.stop();
  auto rec = f.recording();
  REQUIRE(rec.exchanges.size() == 2);
  CHECK(rec.exchanges[0].query == "class=equity");
  CHECK(rec.exchanges[0].request_id == "req_up_assets");
  CHECK(rec.exchanges[0].upstream_status == 200);
  CHECK(rec.exchanges[1].idempotency_key == "key-1");
  CHECK(rec.exchanges[1].body_sha256.size() == 16);
  const std::string text = f.raw();
  CHECK(text.find("proxy-test-secret-value") == std::string::npos);
  CHECK(text.find("a2V5X3Byb3h5X3Rlc3Q6") == std::string::npos);
  CHECK(text.find("cookie-secret-value") == std::string::npos);
  CHECK(text.find("amount") == std::string::npos);  // bodies are fingerprinted, not kept
}

TEST_CASE("injected faults answer without reaching the upstream") {
  Fixture f("default");
  auto c = f.client();
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 429);
  CHECK(r->get_header_value("Retry-After") == "1");
  CHECK(r->get_header_value("X-Request-Id") == "req_audit_abc123_1");
  CHECK(r->body.find("BLUM-429-001") != std::string::npos);
  CHECK(f.up.seen.empty());
  f.proxy.stop();
  auto rec = f.recording();
  REQUIRE(rec.exchanges.size() == 1);
  CHECK(rec.exchanges[0].fault == std::optional<std::string>("429"));
  CHECK(rec.exchanges[0].upstream_status == 0);
  CHECK(rec.exchanges[0].client_status == 429);
  CHECK(rec.exchanges[0].retry_after_ms == 1000);
}

TEST_CASE("a dropped response: the upstream acts, the client gets no answer") {
  Fixture f("dropped-response", true);
  auto c = f.client();
  auto r = c.Post("/v1/investors/inv_1/deposits", R"({"amount":"1.00"})", "application/json");
  CHECK_FALSE(r);  // connection closed without a response
  CHECK(f.up.deposits == 1);
  {
    std::lock_guard lock(f.up.mu);
    REQUIRE(f.up.seen.size() == 1);
    CHECK(f.up.seen[0].get_header_value("Idempotency-Key") ==
          "golive-audit-20260101T000000Z-abc123-1");
  }
  auto again =
      f.client().Post("/v1/investors/inv_1/deposits", R"({"amount":"1.00"})", "application/json");
  REQUIRE(again);
  CHECK(again->status == 201);
  f.proxy.stop();
  auto rec = f.recording();
  REQUIRE(rec.exchanges.size() == 2);
  CHECK(rec.exchanges[0].dropped);
  CHECK(rec.exchanges[0].client_status == 0);
  CHECK(rec.exchanges[0].upstream_status == 201);
  CHECK(rec.exchanges[0].key_added_by_proxy);
  CHECK(rec.exchanges[0].idempotency_key.empty());
  CHECK_FALSE(rec.exchanges[1].dropped);
}

TEST_CASE("the proxy serves concurrent client connections") {
  Fixture f("none");
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto c = f.client();
      c.set_keep_alive(true);
      for (int k = 0; k < 3; ++k) {
        if (auto r = c.Get("/v1/slow"); r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(ok == 24);
  CHECK(took < 1500ms);  // 24 x 100 ms upstream time if served one at a time: 2.4 s
  f.proxy.stop();
  auto rec = f.recording();
  CHECK(rec.exchanges.size() == 24);
  std::set<std::int64_t> conns;
  for (const auto& e : rec.exchanges) conns.insert(e.conn);
  CHECK(conns.size() == 8);
}

TEST_CASE("an unreachable upstream answers 502 with an envelope") {
  testing::RawSocket closed(false);
  auto record = (std::filesystem::temp_directory_path() / "golive-proxy-502.jsonl").string();
  Recorder recorder(record);
  FaultPlanner planner(builtin_schedule("none"), 1);
  Proxy proxy(ProxyConfig{closed.url("/v1"), 2s, false, false, "run-x", 4, provider_pack("bluum")},
              planner, recorder, std::chrono::steady_clock::now());
  proxy.start();
  httplib::Client c("127.0.0.1", proxy.port());
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 502);
  CHECK(r->body.find("GOLIVE-502-001") != std::string::npos);
  proxy.stop();
  std::filesystem::remove(record);
}

TEST_CASE("the proxy refuses request targets that could reach another host, and records them") {
  Fixture f("default");
  auto c = f.client();
  c.set_basic_auth("key_target_test", "target-test-secret-9d1e");
  for (const char* target : {"@evil.example/x", "http://evil/x", "//evil/x", "%40evil.example/x"}) {
    CAPTURE(target);
    auto r = c.Get(target);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->body.find("GOLIVE-400-001") != std::string::npos);
    CHECK(r->body.find("refused to forward") != std::string::npos);
  }
  {
    std::lock_guard lock(f.up.mu);
    CHECK(f.up.seen.empty());  // never forwarded
  }
  // Refused requests are not operations: the first real GET still meets GET #1's 429.
  auto first = c.Get("/v1/assets");
  REQUIRE(first);
  CHECK(first->status == 429);
  f.proxy.stop();
  auto rec = f.recording();
  REQUIRE(rec.exchanges.size() == 5);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(rec.exchanges[i].client_status == 400);
    CHECK(rec.exchanges[i].upstream_status == 0);
    CHECK_FALSE(rec.exchanges[i].fault);
    CHECK(rec.exchanges[i].error.find("refused, not forwarded: ") == 0);
  }
  CHECK(f.raw().find("target-test-secret-9d1e") == std::string::npos);
}

TEST_CASE("encoded look-alikes of another host are forwarded as paths on the upstream") {
  Fixture f("none");
  auto r = f.client().Get("/%2F%2Fevil.example/x");
  REQUIRE(r);
  CHECK(r->status == 200);
  std::lock_guard lock(f.up.mu);
  REQUIRE(f.up.seen.size() == 1);
  CHECK(f.up.seen[0].target == "/%2f%2fevil.example/x");  // libcurl's lower-case hex
}

TEST_CASE("credentials of a request answered by a fault are registered as secrets too") {
  Fixture f("default");
  auto c = f.client();
  c.set_basic_auth("key_fault_test", "fault-test-secret-61c0");
  auto r = c.Get("/v1/assets");  // GET #1: an injected 429, never forwarded
  REQUIRE(r);
  CHECK(r->status == 429);
  CHECK(f.up.seen.empty());
  CHECK(redact("fault-test-secret-61c0") == "***");
  // base64("key_fault_test:fault-test-secret-61c0"), computed independently.
  CHECK(redact("Basic a2V5X2ZhdWx0X3Rlc3Q6ZmF1bHQtdGVzdC1zZWNyZXQtNjFjMA==") == "***");
  CHECK(f.proxy.api_keys_seen() == std::set<std::string>{"key_fault_test"});
}

namespace {

/// A non-Bluum pack built in code: Bearer keys whose prefix is the mode, a mode header, its own
/// error envelope and codes, Retry-After in seconds only, payments as the money endpoint.
ProviderPack bearer_pack() {
  ProviderPack p = provider_pack("bluum");
  p.name = "testpay";
  p.credentials = {"api_key"};
  p.auth = AuthSpec{};
  p.auth.strategy = AuthStrategy::bearer;
  p.mode.from = ModeSource::key_prefix;
  p.mode.credential = "api_key";
  p.mode.prefixes = {{EnvKind::sandbox, "sk_test_"}, {EnvKind::production, "sk_live_"}};
  HeaderRule network;
  network.name = "X-Network";
  network.by_mode = {{EnvKind::sandbox, "testnet"}, {EnvKind::production, "mainnet"}};
  p.headers = {network};
  p.errors = ErrorSpec{};
  p.errors.code = {"/error/code"};
  p.errors.message = {"/error/message"};
  p.errors.request_id = {"/error/requestId"};
  p.errors.envelope =
      R"({"error":{"code":"{code}","message":"{message}","requestId":"{request_id}"}})";
  p.errors.injected = {{400, {"request.invalid", "", ""}},
                       {401, {"apikey.invalid", "", ""}},
                       {429, {"rate_limit.exceeded", "", "slow down"}},
                       {500, {"internal.error", "", ""}}};
  p.request_id = RequestIdSpec{"x-request-id", {}};
  p.retry_after = "seconds";
  p.idempotency = IdempotencySpec{"Idempotency-Key", 409, "idempotency.conflict", 24};
  p.money = {MoneyEndpoint{"POST", "/payments", "payment"}};
  return p;
}

/// A token-exchange pack built in code: POST /token with the key as issued, Bearer tokens after.
ProviderPack token_pack() {
  ProviderPack p = bearer_pack();
  p.name = "testbank";
  p.auth.strategy = AuthStrategy::token_exchange;
  p.auth.token.path = "/token";
  p.auth.token.credential = "api_key";
  p.auth.token.headers = {{"bank-version", "3.0"}};
  p.auth.token.scope = "SERVER_ACCESS";
  p.mode = ModeRule{};
  p.mode.from = ModeSource::profile;
  p.headers.clear();
  return p;
}

}  // namespace

TEST_CASE("the proxy reads a Bearer pack: its money endpoints, mode header and error envelope") {
  Fixture f("default", true, bearer_pack());
  auto c = f.client();
  const httplib::Headers auth = {{"Authorization", "Bearer sk_test_bearer_canary_41f"},
                                 {"X-Network", "testnet"}};
  auto r = c.Get("/v1/assets", auth);  // GET #1: 429 in the pack's envelope
  REQUIRE(r);
  CHECK(r->status == 429);
  CHECK(r->get_header_value("Retry-After") == "1");
  const auto body = nlohmann::json::parse(r->body);
  CHECK(body["error"]["code"] == "rate_limit.exceeded");
  CHECK(body["error"]["message"] == "Injected by bluum-golive audit: slow down");
  CHECK(body["error"]["requestId"] == r->get_header_value("x-request-id"));
  CHECK(r->body.find("BLUM") == std::string::npos);
  auto p = c.Post("/v1/payments", auth, R"({"amount":"1.00"})", "application/json");
  CHECK_FALSE(p);  // the first payment is dropped: payments are this pack's money
  CHECK(f.up.deposits == 1);
  {
    std::lock_guard lock(f.up.mu);
    REQUIRE(f.up.seen.size() == 1);
    CHECK(f.up.seen[0].get_header_value("Authorization") == "Bearer sk_test_bearer_canary_41f");
    CHECK(f.up.seen[0].get_header_value("X-Network") == "testnet");
    CHECK_FALSE(f.up.seen[0].get_header_value("Idempotency-Key").empty());  // added upstream
  }
  CHECK(f.proxy.api_keys_seen() == std::set<std::string>{"sk_test_bearer_canary_41f"});
  f.proxy.stop();
  auto rec = f.recording();
  REQUIRE(rec.exchanges.size() == 2);
  const auto& get = rec.exchanges[0];
  CHECK(get.auth.scheme == "bearer");
  CHECK(get.auth.credentials.at("api_key") == crypto::fingerprint("sk_test_bearer_canary_41f"));
  CHECK(get.key_mode == "sandbox");
  CHECK(get.headers.at("X-Network") == "testnet");
  CHECK(get.error_code == "rate_limit.exceeded");
  CHECK(get.request_id == r->get_header_value("x-request-id"));
  CHECK(get.trace_id.empty());  // this envelope has no trace id
  CHECK(rec.exchanges[1].money_kind == "payment");
  CHECK(rec.exchanges[1].dropped);
  CHECK(rec.exchanges[1].key_added_by_proxy);
  CHECK(f.raw().find("sk_test_bearer_canary_41f") == std::string::npos);
}

TEST_CASE("the proxy relays a token exchange: scopes and lifetimes recorded, never the token") {
  testing::TestServer<> up;
  up.server().Post("/v1/token", [](const httplib::Request& req, httplib::Response& res) {
    const bool ok = req.get_header_value("Authorization") == "Basic key-as-issued-7c2" &&
                    req.get_param_value("scope") == "SERVER_ACCESS";
    res.status = ok ? 200 : 400;
    res.set_content(R"({"access_token":"tok-canary-93be","token_type":"Bearer","expires_in":3600})",
                    "application/json");
  });
  up.server().Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    res.status = req.get_header_value("Authorization") == "Bearer tok-canary-93be" ? 200 : 403;
    res.set_content("{}", "application/json");
  });
  up.start();
  const auto record =
      (std::filesystem::temp_directory_path() / "golive-proxy-token.jsonl").string();
  Recorder recorder(record);
  FaultPlanner planner(builtin_schedule("none"), 1);
  Proxy proxy(ProxyConfig{up.url("/v1"), 5s, false, false, "run-t", 4, token_pack()}, planner,
              recorder, std::chrono::steady_clock::now());
  proxy.start();
  httplib::Client c("127.0.0.1", proxy.port());
  auto t =
      c.Post("/v1/token", {{"Authorization", "Basic key-as-issued-7c2"}, {"bank-version", "3.0"}},
             "scope=SERVER_ACCESS", "application/x-www-form-urlencoded");
  REQUIRE(t);
  CHECK(t->status == 200);
  for (int i = 0; i < 2; ++i) {
    auto g = c.Get("/v1/users", {{"Authorization", "Bearer tok-canary-93be"}});
    REQUIRE(g);
    CHECK(g->status == 200);
  }
  auto other = c.Get("/v1/users", {{"Authorization", "Bearer tok-from-elsewhere-5d1"}});
  REQUIRE(other);
  proxy.stop();
  CHECK(proxy.api_keys_seen() == std::set<std::string>{"key-as-issued-7c2"});
  CHECK(redact("tok-canary-93be") == "***");
  std::ifstream in(record);
  std::stringstream text;
  text << "{\"type\":\"header\",\"version\":" << k_recording_version << "}\n" << in.rdbuf();
  const std::string raw = text.str();
  CHECK(raw.find("tok-canary-93be") == std::string::npos);
  CHECK(raw.find("key-as-issued-7c2") == std::string::npos);
  std::istringstream ss(raw);
  auto rec = parse_recording(ss);
  std::filesystem::remove(record);
  REQUIRE(rec.exchanges.size() == 4);
  const auto& token = rec.exchanges[0];
  CHECK(token.token_request);
  CHECK(token.token_scope == "SERVER_ACCESS");
  CHECK(token.token_issued);
  CHECK(token.token_expires_s == 3600);
  CHECK(token.headers.at("bank-version") == "3.0");
  CHECK(token.auth.scheme == "basic");
  const std::string key_fp = crypto::fingerprint("key-as-issued-7c2");
  CHECK(token.auth.credentials.at("api_key") == key_fp);
  CHECK(rec.exchanges[1].auth.token == "relayed");
  CHECK(rec.exchanges[1].auth.credentials.at("api_key") == key_fp);  // the token's key
  CHECK_FALSE(rec.exchanges[1].token_request);
  CHECK(rec.exchanges[3].auth.token == "unknown");
  CHECK(rec.exchanges[3].auth.credentials.empty());
}
