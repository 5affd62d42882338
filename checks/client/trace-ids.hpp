#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.trace-ids — The client logs the trace id of error bodies. Grades a client-audit recording
/// (`check --audit FILE`); skips without one. Options: none.
class ClientTraceIds final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientTraceIds(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
