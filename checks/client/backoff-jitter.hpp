#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.backoff-jitter — Backoff delays carry jitter. Grades a client-audit recording (`check
/// --audit FILE`); skips without one. Options: none.
class ClientBackoffJitter final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientBackoffJitter(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
