#pragma once
#include "checks/webhook/grading.hpp"

namespace golive::checks {

/// webhook.https — the production receiver URL is https and a test delivery completes a verified
/// TLS handshake. Options: event_type.
class WebhookHttps final : public wh::DeliveryCheck {
 public:
  static CheckInfo describe();
  explicit WebhookHttps(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
