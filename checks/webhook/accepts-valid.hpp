#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.accepts-valid — a correctly signed test event is answered 2xx within response_budget_s;
/// evidence carries the measured latency. Options: event_type.
class WebhookAcceptsValid final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookAcceptsValid(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
