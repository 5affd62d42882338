#pragma once
#include "checks/api/api_http.hpp"

namespace golive::checks {

/// jobs.rehearsal — sandbox only (a sandbox write): one test user is created, connected to the
/// sandbox bank as Basiq's happy persona and as the three always-failing sandbox users, each
/// job polled (GET /jobs/{id}, bounded) until its steps finish, and the user deleted again (test
/// users become billable once live data is on). Passes when the happy job succeeds and each
/// failing user's job fails with its documented code: the partner's unhappy paths can be
/// rehearsed against these users. Options: `institution` (AU00000), `polls` (10), `poll_ms` (500).
class JobsRehearsal final : public Check {
 public:
  static CheckInfo describe();
  explicit JobsRehearsal(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string institution_;
  int polls_;
  int poll_ms_;
};

}  // namespace golive::checks
