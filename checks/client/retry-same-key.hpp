#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.retry-same-key — Retries after a timeout reuse the Idempotency-Key. Grades a client-audit
/// recording (`check --audit FILE`); skips without one. Options: none.
class ClientRetrySameKey final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientRetrySameKey(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
