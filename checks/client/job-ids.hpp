#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.job-ids — Job failures are logged with the user, connection and job ids. Grades a
/// client-audit recording (`check --audit FILE`); skips without one. Options: none.
class ClientJobIds final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientJobIds(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
