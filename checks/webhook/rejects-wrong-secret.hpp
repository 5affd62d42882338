#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.rejects-wrong-secret — a test event signed with a different, well-formed secret is
/// rejected (a 4xx, counted only after webhook.accepts-valid passed). Options: event_type.
class WebhookRejectsWrongSecret final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookRejectsWrongSecret(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
