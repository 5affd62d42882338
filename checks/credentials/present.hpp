#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// credentials.present — every credential the profile declares (and the provider requires)
/// resolves to a non-empty value without stray whitespace or quotes. Evidence names the source
/// and a short SHA-256 fingerprint, never the value. Options: none.
class CredentialsPresent final : public Check {
 public:
  static CheckInfo describe();
  explicit CredentialsPresent(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
