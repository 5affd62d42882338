#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.refresh-rate — The client refreshes connections ad hoc, never in a loop. Grades a
/// client-audit recording (`check --audit FILE`); skips without one. Options: none.
class ClientRefreshRate final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientRefreshRate(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
