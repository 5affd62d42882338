#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.honours-retry-after — Retry-After is honoured (seconds and HTTP-date). Grades a
/// client-audit recording (`check --audit FILE`); skips without one. Options: none.
class ClientHonoursRetryAfter final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientHonoursRetryAfter(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
