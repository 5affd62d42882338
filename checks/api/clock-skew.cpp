#include "checks/api/clock-skew.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cmath>

#include "checks/api/api_http.hpp"

namespace golive::checks {

namespace {

constexpr int kDefaultFailS = 300;

/// Seconds as "12.3 s".
std::string secs(double s) {
  return fmt::format("{:.1f} s", s);
}

}  // namespace

CheckInfo ApiClockSkew::describe() {
  CheckInfo i;
  i.id = "api.clock-skew";
  i.title = "Local clock agrees with the API's clock";
  i.checklist_items = {"smoke.read-only"};
  i.side_effect = SideEffect::read_only;
  i.what =
      "Compares this machine's clock with the Date header of one API response, corrected "
      "for latency; warns beyond 30 s and fails beyond the webhook tolerance (300 s).";
  i.why =
      "Webhook signatures carry a timestamp that receivers check against a tolerance "
      "window; a skewed clock rejects valid deliveries or accepts replays. Logs and "
      "X-Request-Id correlation also rely on the time.";
  i.how_to_fix = "Synchronise the clock with NTP (timedatectl set-ntp true, chrony).";
  i.doc = "checks/api/clock-skew.md";
  return i;
}

ApiClockSkew::ApiClockSkew(CheckOptions& options)
    : path_(options.get_string("path", options.pack() && options.pack()->smoke
                                           ? options.pack()->smoke->path
                                           : std::string("/"))),
      warn_s_(options.get_int("warn_s", 30)) {
  if (path_.empty() || path_.front() != '/') options.error("path", "must start with '/'");
  const int fail = options.get_int("fail_s", 0);
  if (warn_s_ <= 0) options.error("warn_s", "must be a positive number of seconds");
  if (fail < 0) options.error("fail_s", "must be a positive number of seconds");
  if (fail > 0) fail_s_ = fail;
  if (fail > 0 && fail < warn_s_) options.error("fail_s", "must not be below warn_s");
}

std::vector<PlannedRequest> ApiClockSkew::planned_requests(const Target& target) const {
  return {api::planned_get(target, path_, "reads the Date header (any status)")};
}

CheckResult ApiClockSkew::run(CheckContext& ctx) {
  using namespace std::chrono;
  // Without credentials a 401 still carries a Date.
  const bool with_auth = api::missing_auth_credential(ctx).empty();
  const auto x = api::api_send(ctx, api::api_get(ctx, path_), with_auth);
  const auto wall_after = ctx.clock.wall_now();
  const std::string label = "GET " + path_;
  const auto* resp = x.response();
  if (resp == nullptr) return api::grade_unexpected(ctx, x, label, "a Date header");

  const int fail_s =
      fail_s_.value_or(ctx.profile().webhook ? ctx.profile().webhook->tolerance_s : kDefaultFailS);
  const std::string date = resp->date.empty() ? resp->headers.get("date").value_or("") : resp->date;
  const time_t server_t = date.empty() ? -1 : curl_getdate(date.c_str(), nullptr);
  CheckResult r;
  if (server_t < 0) {
    r.evidence = api::exchange_evidence(x, label, "a Date header",
                                        date.empty() ? "no Date header" : "Date: " + redact(date));
    r.status = Status::inconclusive;
    r.summary = date.empty() ? "the response has no Date header; skew cannot be measured"
                             : "the Date header does not parse as an HTTP date";
    r.fix = "make sure base_url points at the provider's API";
    return r;
  }
  // Date has 1 s resolution and was stamped somewhere during the exchange: compare its middle
  // with the middle of the last attempt, and grade only what the uncertainty cannot explain.
  const auto latency = duration<double>(resp->latency).count();
  const auto server_mid = from_unix_clamped(server_t) + milliseconds(500);
  const auto local_mid = wall_after - duration_cast<system_clock::duration>(resp->latency / 2);
  const double skew = duration<double>(local_mid - server_mid).count();
  const double uncertainty = 0.5 + latency / 2;
  const double beyond = std::max(0.0, std::abs(skew) - uncertainty);
  const auto direction = skew >= 0 ? "ahead of" : "behind";
  const auto observed = fmt::format("local clock {} {} the server's (± {}); Date: {}",
                                    secs(std::abs(skew)), direction, secs(uncertainty), date);
  r.evidence =
      api::exchange_evidence(x, label, fmt::format("skew within {} s", warn_s_), redact(observed));
  r.summary = fmt::format("this machine's clock is {} {} the API's (± {})", secs(std::abs(skew)),
                          direction, secs(uncertainty));
  const auto fix = fmt::format(
      "synchronise this machine's clock with NTP (timedatectl set-ntp true, chrony); webhook "
      "receivers check signature timestamps against a {} s tolerance",
      fail_s);
  if (beyond > fail_s) {
    r.status = Status::fail;
    r.summary += fmt::format(", beyond the {} s webhook tolerance", fail_s);
    r.fix = fix;
  } else if (beyond > warn_s_) {
    r.status = Status::warn;
    r.summary += fmt::format(", beyond {} s", warn_s_);
    r.fix = fix;
  } else {
    r.status = Status::pass;
  }
  return r;
}

}  // namespace golive::checks
