#pragma once
// Runs the sandbox-write checks (idempotency.*, lifecycle.rehearsal) against the in-process
// emulator through the client stack a run uses, with hooks to "kill" a run after N requests and
// to tamper with answers.
#include <atomic>
#include <chrono>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include "check_fixture.hpp"
#include "engine/http_stack.hpp"
#include "providers/bluum/emulator/emulator.hpp"

namespace golive::testing {

/// Canary credentials: no result text may contain them.
inline const std::string kKey = "key_REHEARSALCANARY7";
inline const std::string kSecret = "sec_REHEARSALCANARY7";

/// A sandbox target at `base_url` with kKey/kSecret resolved.
inline Target rehearsal_target(const std::string& base_url) {
  Target t = target(EnvKind::sandbox, base_url);
  t.profile.http = profile::HttpConfig{5, 4, 50, 500};
  t.credentials["api_key"] = resolved(kKey, "env GOLIVE_TEST_KEY");
  t.credentials["api_secret"] = resolved(kSecret, "env GOLIVE_TEST_SECRET");
  return t;
}

/// An emulator on an ephemeral port with `faults` (no webhook deliveries).
struct Emu {
  bluum::emulator::Emulator emu;
  explicit Emu(std::set<std::string> faults = {},
               std::optional<std::pair<std::string, std::string>> credentials = std::nullopt)
      : emu(options(std::move(faults), std::move(credentials))) {
    emu.start();
  }
  static bluum::emulator::Options options(
      std::set<std::string> faults, std::optional<std::pair<std::string, std::string>> creds) {
    bluum::emulator::Options o;
    o.faults = std::move(faults);
    o.credentials = std::move(creds);
    o.deliver_webhooks = false;
    return o;
  }
  size_t deposits() const { return emu.deposit_count(kKey); }
  size_t withdrawals() const { return emu.withdrawal_count(kKey); }
};

/// A client in front of another that stops answering after `allow` requests (a killed run:
/// later sends get a transport error without reaching the server) and may rewrite answers.
class Gate final : public net::HttpClient {
 public:
  Gate(net::HttpClient& inner, std::atomic<int>& sent, int allow,
       std::function<void(const net::Request&, net::Exchange&)> tamper)
      : inner_(inner), sent_(sent), allow_(allow), tamper_(std::move(tamper)) {}
  net::Exchange send(const net::Request& request) override {
    if (allow_ >= 0 && sent_.fetch_add(1) >= allow_) {
      return net::Exchange{net::TransportError{net::TransportErrorKind::other, "killed"}, {}};
    }
    auto x = inner_.send(request);
    if (tamper_) tamper_(request, x);
    return x;
  }

 private:
  net::HttpClient& inner_;
  std::atomic<int>& sent_;
  int allow_;
  std::function<void(const net::Request&, net::Exchange&)> tamper_;
};

/// Runs one check through an HttpStack (throttled at the sandbox's 10 req/s, retried).
struct Rehearsal {
  ProviderPack pack = provider();
  std::ostringstream log_text;
  Logger log{log_text, 2};
  std::string run_id = "run-test";
  int kill_after = -1;  ///< requests before the "kill"; -1 = never
  std::function<void(const net::Request&, net::Exchange&)> tamper;
  std::chrono::milliseconds time{30000};

  CheckResult run(const std::string& id, const Target& t, YAML::Node options = {}) {
    const auto deadline = std::chrono::steady_clock::now() + time;
    HttpStack http(t.profile.http, 10, SystemClock::instance(), deadline, {});
    std::atomic<int> sent{0};
    Gate main(http.client(), sent, kill_after, tamper);
    Gate raw(http.raw(), sent, kill_after, tamper);
    return run_check(id, t,
                     {.pack = pack,
                      .http = main,
                      .log = log,
                      .deadline = deadline,
                      .raw_http = &raw,
                      .run_id = run_id},
                     options);
  }
};

/// No canary in anything the result would print.
inline void require_no_secret(const CheckResult& r) {
  const auto text = everything(r);
  REQUIRE(text.find(kKey) == std::string::npos);
  REQUIRE(text.find(kSecret) == std::string::npos);
}

/// Every evidence entry that got an HTTP answer carries its X-Request-Id and latency.
inline void require_request_ids(const CheckResult& r) {
  REQUIRE_FALSE(r.evidence.empty());
  for (const auto& e : r.evidence) {
    INFO(e.label);
    if (e.status == 0) continue;
    CHECK_THAT(e.request_id, Catch::StartsWith("req_"));
    CHECK(e.latency_ms.has_value());
    CHECK_FALSE(e.method.empty());
    CHECK_THAT(e.url, Catch::Contains("/v1/"));
  }
}

}  // namespace golive::testing
