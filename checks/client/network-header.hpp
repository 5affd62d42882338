#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// client.network-header — The client sends the mode header of its key. Grades a client-audit
/// recording (`check --audit FILE`); skips without one. Options: none.
class ClientNetworkHeader final : public Check {
 public:
  static CheckInfo describe();
  explicit ClientNetworkHeader(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
