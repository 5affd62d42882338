#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// credentials.distinct-environments — production credentials (and webhook secret) differ from
/// the sandbox profile's. Option: `sandbox_profile` (default: the `rehearsal` profile, else
/// "sandbox").
class CredentialsDistinctEnvironments final : public Check {
 public:
  static CheckInfo describe();
  explicit CredentialsDistinctEnvironments(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string sandbox_profile_;
};

}  // namespace golive::checks
