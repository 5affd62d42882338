#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.backoff-growth — Backoff grows across consecutive failures. Grades a client-audit
/// recording (`check --audit FILE`); skips without one. Options: none.
class ClientBackoffGrowth final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientBackoffGrowth(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
