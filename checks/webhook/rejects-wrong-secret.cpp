#include "checks/webhook/rejects-wrong-secret.hpp"

namespace golive::checks {

CheckInfo WebhookRejectsWrongSecret::describe() {
  CheckInfo i = wh::rejection_info("rejects-wrong-secret");
  i.title = "Deliveries signed with another secret are rejected";
  i.what =
      "Posts a test event correctly signed with a different, well-formed secret (a production "
      "run uses the sandbox profile's webhook secret when it has one, else a decoy of the "
      "profile's prefix and encoding) and expects a 4xx rejection, which counts only when "
      "webhook.accepts-valid passed in the same run.";
  i.why =
      "A receiver that only checks that a signature header is present, or verifies with a "
      "hard-coded or default key, accepts events signed by anyone.";
  i.how_to_fix = wh::kVerifyFix;
  return i;
}

WebhookRejectsWrongSecret::WebhookRejectsWrongSecret(CheckOptions& options)
    : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookRejectsWrongSecret::planned_requests(
    const Target& target) const {
  return wh::planned_delivery(target,
                              event_type() + " event signed with a decoy secret: expects a 4xx");
}

CheckResult WebhookRejectsWrongSecret::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  auto d =
      wh::make_delivery(*ep, ctx.run_id, "wrong-secret", event_type(), wh::unix_now(ctx.clock));
  // A production receiver must refuse the test-mode secret: sign with the sandbox profile's
  // secret when the run has one that differs (else a decoy of the same shape).
  std::optional<Target> sandbox;
  if (ctx.profile().kind == EnvKind::production && ctx.load_sibling) {
    std::string why;
    sandbox = ctx.load_sibling(ctx.profile().rehearsal.value_or("sandbox"), why);
  }
  const Secret* sandbox_secret = sandbox && sandbox->webhook_secret && sandbox->webhook_secret->ok()
                                     ? &*sandbox->webhook_secret->secret
                                     : nullptr;
  wh::sign_with_wrong_secret(d, *ep, ctx.run_id, sandbox_secret);
  return wh::expect_rejected(
      ctx, *ep, d,
      {"wrong-secret", std::string(wh::kVerifyFix) +
                           "; load the secret of this endpoint from your secret manager and "
                           "compare signatures in constant time"});
}

}  // namespace golive::checks
