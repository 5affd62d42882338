#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.rejects-unsigned — a test event without the signature header is rejected (a 4xx, counted
/// only after webhook.accepts-valid passed). Options: event_type.
class WebhookRejectsUnsigned final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookRejectsUnsigned(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
