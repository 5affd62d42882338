#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.events — each realistic event of the pack (webhook.events: Bluum order.filled and a
/// KYC event), signed with the profile's secret and scheme, is answered 2xx within the budget.
/// Whether the partner then processed it stays an attestation. A 4xx counts as a failure only
/// when webhook.accepts-valid passed in the same run; 5xx fails; 404/405/408/413/429, 3xx and
/// timeouts are inconclusive. Skipped without a webhook section. No options.
class WebhookEvents final : public Check {
 public:
  static CheckInfo describe();
  explicit WebhookEvents(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::vector<WebhookEventSample> samples_;  ///< from the pack
};

}  // namespace golive::checks
