#pragma once
// Runs api.* and webhook.registration against real HTTP: the emulator in-process, or httplib
// servers on 127.0.0.1, through the same client stack a run uses (retrying, throttled, curl).
#include <chrono>
#include <mutex>

#include "check_fixture.hpp"
#include "engine/http_stack.hpp"
#include "net/curl_client.hpp"
#include "net/test_server.hpp"
#include "providers/bluum/emulator/emulator.hpp"

namespace golive::testing {

/// Canary credentials: no result text may contain them.
inline const std::string kApiKey = "key_CANARYAPIKEY42";
inline const std::string kApiSecret = "sec_CANARYAPISECRET42";

/// A target at `base_url` with kApiKey/kApiSecret resolved.
inline Target api_target(const std::string& base_url, EnvKind kind = EnvKind::sandbox) {
  Target t = target(kind, base_url);
  t.profile.http = profile::HttpConfig{5, 4, 50, 500};
  t.credentials["api_key"] = resolved(kApiKey, "env GOLIVE_TEST_KEY");
  t.credentials["api_secret"] = resolved(kApiSecret, "env GOLIVE_TEST_SECRET");
  return t;
}

/// `t` with a webhook section pointing at `url`.
inline Target with_webhook(Target t, const std::string& url, int tolerance_s = 300) {
  profile::WebhookConfig wh;
  wh.url = url;
  wh.tolerance_s = tolerance_s;
  t.profile.webhook = wh;
  t.webhook_url = url;
  return t;
}

/// An emulator on an ephemeral port with `faults`.
struct Emu {
  bluum::emulator::Emulator emu;
  explicit Emu(std::set<std::string> faults = {},
               std::chrono::milliseconds slow = std::chrono::milliseconds(1500))
      : emu(options(std::move(faults), slow)) {
    emu.start();
  }
  static bluum::emulator::Options options(std::set<std::string> faults,
                                          std::chrono::milliseconds slow) {
    bluum::emulator::Options o;
    o.faults = std::move(faults);
    o.slow_delay = slow;
    o.burst_5xx = 2;
    o.deliver_webhooks = false;
    return o;
  }
  /// Sends `method path body` as the test tenant (kApiKey/kApiSecret); returns the status.
  int call(const std::string& method, const std::string& path, const std::string& body = "") {
    net::CurlClient client;
    net::Request r;
    r.method = method;
    r.url = emu.base_url() + path;
    r.body = body;
    if (!body.empty()) r.headers.set("Content-Type", "application/json");
    r.auth = net::BasicAuth{Secret(kApiKey, "test"), Secret(kApiSecret, "test")};
    const auto x = client.send(r);
    return x.response() ? x.response()->status : 0;
  }
  /// Registers `url` for `events` (a JSON array text); returns the status.
  int register_webhook(const std::string& url,
                       const std::string& events = R"(["order.*","transfer.*"])") {
    return call("POST", "/webhooks",
                R"({"name":"test","url":")" + url + R"(","eventTypeNames":)" + events + "}");
  }
};

/// Runs one check over an HttpStack (retries honour Retry-After; throttled; deadline `time`).
struct ApiHarness {
  ProviderPack pack = provider();
  std::ostringstream log_text;
  Logger log{log_text, 2};
  std::chrono::milliseconds time{15000};
  std::mutex trace_mu;
  std::vector<std::string> trace;

  CheckResult run(const std::string& id, const Target& t, YAML::Node options = {}) {
    const auto deadline = std::chrono::steady_clock::now() + time;
    HttpStack http(t.profile.http, 100, SystemClock::instance(), deadline,
                   [this](std::string_view line) {
                     std::lock_guard lock(trace_mu);
                     trace.emplace_back(line);
                   });
    return run_check(id, t,
                     {.pack = pack,
                      .http = http.client(),
                      .log = log,
                      .deadline = deadline,
                      .raw_http = &http.raw()},
                     options);
  }
};

/// No canary in anything the result would print.
inline void require_no_secret(const CheckResult& r) {
  const auto text = everything(r);
  REQUIRE(text.find(kApiKey) == std::string::npos);
  REQUIRE(text.find(kApiSecret) == std::string::npos);
}

}  // namespace golive::testing
