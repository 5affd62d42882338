#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// webhook.registration — GET /webhooks (tenant credentials) lists an ACTIVE endpoint whose URL
/// equals the profile's webhook.url, https in production, subscribed to every event family of
/// `events` (default order.* and transfer.*; a wildcard or any event of the family counts).
/// Skipped when the profile configures no webhook. A passing result also says whether the
/// `onboarding_events` (pack default, Bluum kyc.*) are subscribed, and warns when they are not
/// and option `onboards_investors` is true.
class WebhookRegistration final : public Check {
 public:
  static CheckInfo describe();
  explicit WebhookRegistration(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  WebhookRegistrationSpec spec_;         ///< from the pack
  std::vector<std::string> events_;      ///< option `events`; default: the pack's required events
  std::vector<std::string> onboarding_;  ///< option `onboarding_events`; default: the pack's
  bool onboards_investors_ = false;      ///< option `onboards_investors`
};

}  // namespace golive::checks
