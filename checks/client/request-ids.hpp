#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.request-ids — The client logs X-Request-Id. Grades a client-audit recording (`check
/// --audit FILE`); skips without one. Options: none.
class ClientRequestIds final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientRequestIds(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
