#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.duplicate — the same correctly signed delivery sent twice is answered 2xx both times.
/// Options: event_type.
class WebhookDuplicate final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookDuplicate(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
