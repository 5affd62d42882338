#include "checks/webhook/rejects-future.hpp"

#include <fmt/format.h>

namespace golive::checks {

namespace {
/// How far beyond the tolerance the future timestamp lies: room for transit time and a little
/// clock skew, so a receiver that enforces the window is never graded by a race.
constexpr std::int64_t kMargin = 10;
}  // namespace

CheckInfo WebhookRejectsFuture::describe() {
  CheckInfo i = wh::rejection_info("rejects-future");
  i.title = "Deliveries from the future are rejected";
  i.what =
      "Posts a test event correctly signed with a timestamp tolerance_s + 10 s in the "
      "future and expects a 4xx rejection, which counts only when webhook.accepts-valid passed in "
      "the same run. Accepting it fails for two-sided schemes "
      "(standard, blockchain0x, custom two_sided) and is a warning for past-only ones "
      "(stripe, custom past_only), whose reference libraries accept future timestamps.";
  i.why =
      "A future-dated signature stays replayable for as long as it lies ahead, which "
      "defeats the replay window.";
  i.how_to_fix =
      "reject deliveries whose signed timestamp is more than webhook.tolerance_s "
      "seconds ahead of your clock (and keep the clock in sync with NTP)";
  return i;
}

WebhookRejectsFuture::WebhookRejectsFuture(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookRejectsFuture::planned_requests(const Target& target) const {
  return wh::planned_delivery(
      target, event_type() + " event, timestamp tolerance_s + 10 s ahead: expects a 4xx");
}

CheckResult WebhookRejectsFuture::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  const std::int64_t ahead = ep->tolerance_s + kMargin;
  auto d =
      wh::make_delivery(*ep, ctx.run_id, "future", event_type(), wh::unix_now(ctx.clock) + ahead);
  d.spoiled = fmt::format("correctly signed, timestamp {} s in the future (tolerance {} s + {} s)",
                          ahead, ep->tolerance_s, kMargin);
  const bool past_only = ep->setup.scheme->tolerance_mode() == webhook::ToleranceMode::past_only;
  wh::Rejection rule{"future-dated",
                     fmt::format("reject deliveries whose signed timestamp is more than {} s "
                                 "ahead of your clock (webhook.tolerance_s){}",
                                 ep->tolerance_s,
                                 past_only ? "; the " + ep->scheme_name +
                                                 " scheme's libraries only reject stale "
                                                 "timestamps, so add the check yourself"
                                           : ""),
                     past_only ? Status::warn : Status::fail};
  return wh::expect_rejected(ctx, *ep, d, rule);
}

}  // namespace golive::checks
