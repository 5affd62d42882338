#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.job-polling — The client stops polling a job that failed, with backoff. Grades a
/// client-audit recording (`check --audit FILE`); skips without one. Options: none.
class ClientJobPolling final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientJobPolling(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
