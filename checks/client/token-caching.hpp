#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.token-caching — The client caches its access token. Grades a client-audit recording
/// (`check --audit FILE`); skips without one. Options: none.
class ClientTokenCaching final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientTokenCaching(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
