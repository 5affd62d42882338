#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.rejects-stale — a correctly signed test event whose timestamp is tolerance_s + 1 s old
/// is rejected (a 4xx, counted only after webhook.accepts-valid passed). Options: event_type.
class WebhookRejectsStale final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookRejectsStale(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
