#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// credentials.key-mode — for a pack whose key prefix is the mode (`mode: key-prefix`), the
/// profile's key carries the prefix of the profile's environment kind (production: the live
/// prefix, sandbox: the test prefix). Static: the value is read, never printed. Options: none.
class CredentialsKeyMode final : public Check {
 public:
  static CheckInfo describe();
  explicit CredentialsKeyMode(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
