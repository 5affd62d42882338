#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// webhook.registration — GET /webhooks (tenant credentials) lists an ACTIVE endpoint whose URL
/// equals the profile's webhook.url, https in production, subscribed to every event family of
/// `events` (default order.* and transfer.*; a wildcard or any event of the family counts).
/// Skipped when the profile configures no webhook.
class WebhookRegistration final : public Check {
 public:
  static CheckInfo describe();
  explicit WebhookRegistration(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  WebhookRegistrationSpec spec_;     ///< from the pack
  std::vector<std::string> events_;  ///< option `events`; default: the pack's required events
};

}  // namespace golive::checks
