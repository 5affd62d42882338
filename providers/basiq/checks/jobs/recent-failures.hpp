#pragma once
#include "checks/api/api_http.hpp"

namespace golive::checks {

/// jobs.recent-failures — read-only: GET /users/{user_id}/jobs for the user the profile names
/// (option `user_id`) answers a list; the `limit` (default 20) most recent jobs are summarised:
/// failed jobs are a warning naming each failure code, its meaning and the failed step, so the
/// partner sees what its job handling must cope with. Skipped when no user_id is configured.
class JobsRecentFailures final : public Check {
 public:
  static CheckInfo describe();
  explicit JobsRecentFailures(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string user_id_;
  int limit_;
};

}  // namespace golive::checks
