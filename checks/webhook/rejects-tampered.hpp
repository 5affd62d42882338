#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.rejects-tampered — a correctly signed test event whose body had one byte changed after
/// signing is rejected (a 4xx, counted only after webhook.accepts-valid passed). Options:
/// event_type.
class WebhookRejectsTampered final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookRejectsTampered(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
