#pragma once
#include "checks/api/api_http.hpp"

namespace golive::checks {

/// api.livemode — production only: partner resources read with the profile's credentials
/// (GET /investors?limit=10, then GET /webhooks?limit=10 when there are no investors) carry
/// `livemode: true`. Any `livemode: false` fails: a test key is wired into production (SEED
/// §1.3). Inconclusive when neither list holds a resource. Options: none.
class ApiLivemode final : public Check {
 public:
  static CheckInfo describe();
  explicit ApiLivemode(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
