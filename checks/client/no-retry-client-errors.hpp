#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.no-retry-client-errors — Client errors are not retried. Grades a client-audit recording
/// (`check --audit FILE`); skips without one. Options: none.
class ClientNoRetryClientErrors final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientNoRetryClientErrors(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
