#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.rejects-future — a correctly signed test event whose timestamp is tolerance_s + 10 s
/// ahead is rejected; accepting it fails for two-sided schemes and warns for past-only ones
/// (Stripe). Options: event_type.
class WebhookRejectsFuture final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookRejectsFuture(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
