#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.idempotency-keys — Idempotency-Key on every deposit and withdrawal. Grades a client-audit
/// recording (`check --audit FILE`); skips without one. Options: none.
class ClientIdempotencyKeys final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientIdempotencyKeys(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
