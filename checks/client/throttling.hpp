#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.throttling — The client stays under the published rate limit. Grades a client-audit
/// recording (`check --audit FILE`); skips without one. Options: none.
class ClientThrottling final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientThrottling(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
