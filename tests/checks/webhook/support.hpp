#pragma once
// In-process webhook receivers on 127.0.0.1 and a harness that runs webhook.* checks against
// them over real HTTP (CurlClient, no retries).
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "check_fixture.hpp"
#include "checks/webhook/scheme_config.hpp"
#include "net/curl_client.hpp"
#include "net/test_server.hpp"

namespace golive::testing {

/// The webhook secret every test uses; a canary no output may contain.
inline const std::string kWebhookSecret = "whsec_Q0FOQVJZV0VCSE9PSy1zZWNyZXQtMTIzNDU2";

/// How a test receiver behaves.
enum class Mode {
  verifying,       ///< verifies like a correct receiver: 400 on failure, 200 (also for repeats)
  accepts_all,     ///< skips verification, always 200
  rejects_repeat,  ///< verifies, but answers 409 to an id it has seen
};

/// What a test receiver saw for one request.
struct Seen {
  net::Headers headers;
  std::string body;
  std::string verdict;  ///< "ok" or the verify code (verifying modes only)
  int status = 0;
};

/// An httplib receiver at /hooks that verifies with `scheme` (and `custom` for custom schemes)
/// using kWebhookSecret, the given tolerance, and records every request.
class TestReceiver {
 public:
  explicit TestReceiver(Mode mode, std::string scheme = "standard", YAML::Node custom = {},
                        int tolerance_s = 300, std::chrono::milliseconds delay = {})
      : mode_(mode),
        setup_(checks::wh::make_scheme_setup(scheme, custom)),
        tolerance_s_(tolerance_s),
        delay_(delay) {
    server_.server().Post("/hooks", [this](const httplib::Request& req, httplib::Response& res) {
      receive(req, res);
    });
    server_.start();
  }

  /// Answers `valid` to deliveries that verify (every delivery in accepts_all mode) and `bad`
  /// to those that do not; by default 200 and 400, like a correct receiver.
  TestReceiver& answer(int valid, int bad) {
    valid_status_ = valid;
    bad_status_ = bad;
    return *this;
  }
  /// Answers `status` to a delivery seen before (rejects_repeat mode); by default 409.
  TestReceiver& answer_repeat(int status) {
    repeat_status_ = status;
    return *this;
  }
  /// Answers `status` instead to a delivery that verifies and whose body contains `text` (a
  /// receiver that fails on one kind of event).
  TestReceiver& answer_when(std::string text, int status) {
    when_text_ = std::move(text);
    when_status_ = status;
    return *this;
  }
  std::string url() const { return server_.url("/hooks"); }
  void stop() { server_.stop(); }
  std::vector<Seen> seen() const {
    std::lock_guard lock(mu_);
    return seen_;
  }

 private:
  void receive(const httplib::Request& req, httplib::Response& res) {
    Seen s;
    s.body = req.body;
    webhook::HeaderList list;
    for (const auto& [name, value] : req.headers) {
      s.headers.add(name, value);
      list.emplace_back(name, value);
    }
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    s.status = valid_status_;
    if (mode_ != Mode::accepts_all) {
      const auto r = setup_.scheme->verify(kWebhookSecret, list, req.body, now, tolerance_s_);
      s.verdict = r.code;
      if (!r.ok) s.status = bad_status_;
    }
    if (s.status == valid_status_ && !when_text_.empty() &&
        req.body.find(when_text_) != std::string::npos) {
      s.status = when_status_;
    }
    {
      std::lock_guard lock(mu_);
      const bool repeat = !ids_.insert(req.body).second;
      if (s.status == valid_status_ && repeat && mode_ == Mode::rejects_repeat) {
        s.status = repeat_status_;
      }
      seen_.push_back(s);
    }
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    res.status = s.status;
    const bool ok = s.status >= 200 && s.status <= 299;
    res.set_content(ok ? R"({"received":true})" : R"({"error":")" + s.verdict + "\"}",
                    "application/json");
  }

  Mode mode_;
  checks::wh::SchemeSetup setup_;
  int tolerance_s_;
  std::chrono::milliseconds delay_;
  int valid_status_ = 200, bad_status_ = 400, repeat_status_ = 409;
  std::string when_text_;
  int when_status_ = 200;
  TestServer<> server_;
  mutable std::mutex mu_;
  std::vector<Seen> seen_;
  std::set<std::string> ids_;
};

/// A target whose webhook section points at `url` with kWebhookSecret.
inline Target webhook_target(const std::string& url, const std::string& scheme = "standard",
                             EnvKind kind = EnvKind::sandbox, YAML::Node custom = {}) {
  Target t = target(kind, "https://sandbox.api.bluumfinance.com/v1");
  profile::WebhookConfig wh;
  wh.url = url;
  wh.scheme = scheme;
  wh.custom = custom;
  t.profile.webhook = wh;
  t.webhook_url = url;
  t.webhook_secret = resolved(kWebhookSecret, "env GOLIVE_TEST_WEBHOOK_SECRET");
  return t;
}

/// Runs webhook.* checks over a real CurlClient (`ca_file` trusts a test certificate).
struct WebhookHarness {
  ProviderPack pack = provider();
  net::CurlClient http;
  std::ostringstream log_text;
  Logger log{log_text, 2};
  std::chrono::seconds time{10};

  explicit WebhookHarness(std::string ca_file = "")
      : http(net::CurlOptions{{}, std::move(ca_file), {}, 8}) {}

  /// Runs `id` as the runner does: its prerequisites first (default options), their results
  /// handed over in CheckContext::prerequisites.
  CheckResult run(const std::string& id, const Target& t, YAML::Node options = {}) {
    const auto* entry = builtin_registry().find(id, pack);
    REQUIRE(entry != nullptr);
    std::map<std::string, CheckResult> before;
    for (const auto& need : entry->info.prerequisites) {
      before[need] = run(need, t);
    }
    return run_with(id, t, std::move(before), options);
  }

  /// Runs `id` alone, with `prerequisites` as its prerequisites' results (empty: not planned).
  CheckResult run_with(const std::string& id, const Target& t,
                       std::map<std::string, CheckResult> prerequisites, YAML::Node options = {}) {
    return run_check(id, t,
                     {.pack = pack,
                      .http = http,
                      .log = log,
                      .deadline = std::chrono::steady_clock::now() + time,
                      .prerequisites = std::move(prerequisites)},
                     options);
  }
};

/// Every webhook.* check that applies in every environment.
inline const std::vector<std::string>& delivery_checks() {
  static const std::vector<std::string> ids{
      "webhook.accepts-valid",       "webhook.duplicate",        "webhook.rejects-future",
      "webhook.rejects-stale",       "webhook.rejects-tampered", "webhook.rejects-unsigned",
      "webhook.rejects-wrong-secret"};
  return ids;
}

}  // namespace golive::testing
