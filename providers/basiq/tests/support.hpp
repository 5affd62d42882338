#pragma once
// Basiq tests: the emulator in-process on an ephemeral loopback port, plain requests to it, and
// Basiq checks run through the client stack a run uses, with the run's token cache.
#include <chrono>

#include "check_fixture.hpp"
#include "engine/http_stack.hpp"
#include "engine/provider_api.hpp"
#include "net/curl_client.hpp"
#include "net/json_body.hpp"
#include "providers/basiq/emulator/emulator.hpp"

namespace golive::testing::bq {

/// A canary API key (shaped like an issued key: base64 of "id:secret"): no output may hold it.
inline const std::string kKey = "Y2FuYXJ5LWlkOkNBTkFSWVNFQ1JFVDQy";

/// The emulator with `faults`, webhook deliveries off unless asked.
struct Emu {
  golive::basiq::emulator::Emulator emu;
  explicit Emu(std::set<std::string> faults = {}, bool deliver = false, int token_limit = 1500)
      : emu(options(std::move(faults), deliver, token_limit)) {
    emu.start();
  }
  static golive::basiq::emulator::Options options(std::set<std::string> faults, bool deliver,
                                                  int token_limit) {
    golive::basiq::emulator::Options o;
    o.faults = std::move(faults);
    o.deliver_webhooks = deliver;
    o.token_limit = token_limit;
    o.slow_delay = std::chrono::milliseconds(50);
    return o;
  }
  /// POST /token as a client would; `key` sent as given.
  net::Exchange token(const std::string& key = kKey, const std::string& version = "3.0",
                      const std::string& body = "scope=SERVER_ACCESS") {
    net::Request r;
    r.method = "POST";
    r.url = emu.base_url() + "/token";
    if (!key.empty()) r.headers.set("Authorization", "Basic " + key);
    if (!version.empty()) r.headers.set("basiq-version", version);
    r.headers.set("Content-Type", "application/x-www-form-urlencoded");
    r.body = body;
    return net::CurlClient().send(r);
  }
  /// A SERVER_ACCESS (or `body`) token for `key`; "" when refused.
  std::string bearer(const std::string& key = kKey,
                     const std::string& body = "scope=SERVER_ACCESS") {
    auto x = token(key, "3.0", body);
    auto parsed = x.response() ? net::parse_json_body(*x.response()) : net::JsonBody{};
    if (!parsed.value || !parsed.value->contains("access_token")) return "";
    return (*parsed.value)["access_token"].get<std::string>();
  }
  /// `method path body` with `Authorization: Bearer token`.
  net::Exchange call(const std::string& method, const std::string& path, const std::string& token,
                     const std::string& body = "") {
    net::Request r;
    r.method = method;
    r.url = emu.base_url() + path;
    r.body = body;
    if (!body.empty()) r.headers.set("Content-Type", "application/json");
    if (!token.empty()) r.headers.set("Authorization", "Bearer " + token);
    return net::CurlClient().send(r);
  }
};

/// The JSON body of an exchange (null when none).
inline nlohmann::json body_of(const net::Exchange& x) {
  auto parsed = x.response() ? net::parse_json_body(*x.response()) : net::JsonBody{};
  return parsed.value ? *parsed.value : nlohmann::json();
}

inline int status_of(const net::Exchange& x) {
  return x.response() ? x.response()->status : 0;
}

/// A Basiq target at `base_url` with kKey resolved.
inline Target basiq_target(const std::string& base_url, EnvKind kind = EnvKind::sandbox,
                           const std::string& key = kKey) {
  Target t = target(kind, base_url);
  t.profile.provider = "basiq";
  t.profile.http = profile::HttpConfig{5, 2, 20, 100};
  t.credentials["api_key"] = resolved(key, "env BASIQ_API_KEY");
  return t;
}

/// Runs Basiq checks against one target through a retrying, throttled stack sharing one token
/// cache (as a run does).
struct Run {
  ProviderPack pack = provider_pack("basiq");
  std::ostringstream log_text;
  Logger log{log_text, 2};
  TokenCache tokens{SystemClock::instance()};

  CheckResult check(const std::string& id, const Target& t, YAML::Node options = {}) {
    const auto* entry = builtin_registry().find(id, pack);
    REQUIRE(entry != nullptr);
    CheckOptions opts(id, options, SourceLoc{t.profile.path, 1, 1}, &pack);
    auto c = entry->make(opts);
    opts.finish();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    HttpStack http(t.profile.http, 100, SystemClock::instance(), deadline, [](std::string_view) {});
    CheckContext ctx{t,
                     pack,
                     http.client(),
                     SystemClock::instance(),
                     log,
                     "run-test",
                     deadline,
                     "",
                     {},
                     &http.raw(),
                     "",
                     {},
                     &tokens};
    auto r = c->run(ctx);
    r.id = id;
    return r;
  }
};

/// Nothing a result prints holds the canary key or any token the emulator issued.
inline void require_no_secret(const CheckResult& r, const golive::basiq::emulator::Emulator& emu) {
  std::string text = all_text(r);
  for (const auto& e : r.evidence) text += e.method + " " + e.request_id + "\n";
  REQUIRE(text.find(kKey) == std::string::npos);
  for (const auto& t : emu.issued_tokens()) REQUIRE(text.find(t) == std::string::npos);
}

}  // namespace golive::testing::bq
