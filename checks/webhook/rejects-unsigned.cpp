#include "checks/webhook/rejects-unsigned.hpp"

namespace golive::checks {

CheckInfo WebhookRejectsUnsigned::describe() {
  CheckInfo i = wh::rejection_info("rejects-unsigned");
  i.title = "Unsigned deliveries are rejected";
  i.what =
      "Posts a test event without the scheme's signature header (id and timestamp headers "
      "kept) and expects a 4xx rejection, which counts only when webhook.accepts-valid passed in "
      "the same run.";
  i.why =
      "Receivers that verify only when a signature is present (\"optional verification\") "
      "accept any forged event that simply leaves the header out.";
  i.how_to_fix = wh::kVerifyFix;
  return i;
}

WebhookRejectsUnsigned::WebhookRejectsUnsigned(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookRejectsUnsigned::planned_requests(const Target& target) const {
  return wh::planned_delivery(target,
                              event_type() + " event without the signature header: expects a 4xx");
}

CheckResult WebhookRejectsUnsigned::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  auto d = wh::make_delivery(*ep, ctx.run_id, "unsigned", event_type(), wh::unix_now(ctx.clock));
  wh::strip_signature(d, *ep);
  return wh::expect_rejected(
      ctx, *ep, d,
      {"unsigned", std::string(wh::kVerifyFix) + "; treat a missing " + ep->setup.signature_header +
                       " header as a failed verification"});
}

}  // namespace golive::checks
