#include "checks/webhook/rejects-stale.hpp"

#include <fmt/format.h>

namespace golive::checks {

CheckInfo WebhookRejectsStale::describe() {
  CheckInfo i = wh::rejection_info("rejects-stale");
  i.title = "Stale deliveries are rejected (replay protection)";
  i.what =
      "Posts a test event correctly signed with a timestamp tolerance_s + 1 s in the past "
      "and expects a 4xx rejection, which counts only when webhook.accepts-valid passed in the "
      "same run.";
  i.why =
      "The signed timestamp is what stops an attacker who captured one delivery from "
      "replaying it later; a receiver that ignores it accepts replays forever.";
  i.how_to_fix =
      "reject deliveries whose signed timestamp is more than webhook.tolerance_s "
      "seconds old (the verification libraries do this when given a tolerance)";
  return i;
}

WebhookRejectsStale::WebhookRejectsStale(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookRejectsStale::planned_requests(const Target& target) const {
  return wh::planned_delivery(
      target, event_type() + " event, timestamp tolerance_s + 1 s old: expects a 4xx");
}

CheckResult WebhookRejectsStale::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  const std::int64_t age = ep->tolerance_s + 1;
  auto d = wh::make_delivery(*ep, ctx.run_id, "stale", event_type(), wh::unix_now(ctx.clock) - age);
  d.spoiled = fmt::format("correctly signed, timestamp {} s in the past (tolerance {} s + 1 s)",
                          age, ep->tolerance_s);
  return wh::expect_rejected(
      ctx, *ep, d,
      {"stale", fmt::format("reject deliveries whose signed timestamp is more than {} s old "
                            "(webhook.tolerance_s); pass the tolerance to your verification "
                            "library instead of disabling the timestamp check",
                            ep->tolerance_s)});
}

}  // namespace golive::checks
