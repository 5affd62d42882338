#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.credentials — The client authenticates with the profile's credentials. Grades a
/// client-audit recording (`check --audit FILE`); skips without one. Options: none.
class ClientCredentials final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientCredentials(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
