#pragma once
#include <optional>

#include "engine/check.hpp"

namespace golive::checks {

/// api.clock-skew — this machine's clock against the API's `Date` header (one read-only GET of
/// /webhooks/event-types; any status will do). The skew is corrected for half the latency and
/// Date's 1 s resolution; beyond `warn_s` (30) it warns, beyond `fail_s` (default the webhook
/// tolerance_s, else 300) it fails, since webhook timestamps are checked against that window.
class ApiClockSkew final : public Check {
 public:
  static CheckInfo describe();
  explicit ApiClockSkew(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string path_;  ///< option `path`; default: the pack's smoke path
  int warn_s_;
  std::optional<int> fail_s_;  ///< unset: the profile's webhook tolerance_s, else 300
};

}  // namespace golive::checks
