#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.bounded-attempts — Attempts per operation are bounded. Grades a client-audit recording
/// (`check --audit FILE`); skips without one. Options: none.
class ClientBoundedAttempts final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientBoundedAttempts(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
