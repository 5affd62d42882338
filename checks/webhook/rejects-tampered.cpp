#include "checks/webhook/rejects-tampered.hpp"

namespace golive::checks {

CheckInfo WebhookRejectsTampered::describe() {
  CheckInfo i = wh::rejection_info("rejects-tampered");
  i.title = "Tampered deliveries are rejected";
  i.what =
      "Posts a test event signed with the profile's secret and scheme, then changes one body "
      "byte (the last digit of \"created\", so the JSON stays valid) and expects a 4xx "
      "rejection, which counts only when webhook.accepts-valid passed in the same run.";
  i.why =
      "A receiver that does not verify the signature over the exact raw body acts on "
      "forged or altered events: anyone who knows the URL can fake a fill or a deposit.";
  i.how_to_fix = wh::kVerifyFix;
  return i;
}

WebhookRejectsTampered::WebhookRejectsTampered(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookRejectsTampered::planned_requests(const Target& target) const {
  return wh::planned_delivery(
      target, event_type() + " event, one body byte changed after signing: expects a 4xx");
}

CheckResult WebhookRejectsTampered::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  auto d = wh::make_delivery(*ep, ctx.run_id, "tampered", event_type(), wh::unix_now(ctx.clock));
  wh::tamper_body(d);
  return wh::expect_rejected(
      ctx, *ep, d,
      {"tampered", std::string(wh::kVerifyFix) + "; compute the HMAC over the raw request bytes, "
                                                 "never over re-serialised JSON"});
}

}  // namespace golive::checks
