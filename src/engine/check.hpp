#pragma once
/// The check interface (SPEC §4.3): a check is built from its options before anything runs
/// (bad options fail early, exit 2) and then run once against a CheckContext.
#include <functional>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "engine/check_options.hpp"
#include "engine/context.hpp"

namespace golive {

/// A runnable check. Implementations live in checks/<group>/<name>.{hpp,cpp}.
class Check {
 public:
  virtual ~Check() = default;
  /// Runs the check. Target problems become fail/inconclusive results; a thrown exception is
  /// caught by the runner and reported as inconclusive (never a crash).
  virtual CheckResult run(CheckContext& ctx) = 0;
};

/// Builds a check from its options; throws ConfigError for bad options.
using CheckFactory = std::function<std::unique_ptr<Check>(CheckOptions&)>;

}  // namespace golive
