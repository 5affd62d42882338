#pragma once
/// The check interface (SPEC §4.3): a check is built from its options before anything runs
/// (bad options fail early, exit 2) and then run once against a CheckContext.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "engine/check_options.hpp"
#include "engine/context.hpp"

namespace golive {

/// One request a check would send, as `check --plan` prints it (SPEC §5).
struct PlannedRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string url;     ///< base URL + path, redacted; "{base}" prefix when not yet known
  SideEffect side_effect = SideEffect::read_only;
  std::string note;  ///< e.g. "deposit 1.00 USD, Idempotency-Key <run>-replay (sent twice)"
};

/// A runnable check. Implementations live in checks/<group>/<name>.{hpp,cpp}.
class Check {
 public:
  virtual ~Check() = default;
  /// Every request run() may send against `target`, without sending anything. Checks that
  /// send nothing return an empty list (the default).
  virtual std::vector<PlannedRequest> planned_requests(const Target& target) const {
    (void)target;
    return {};
  }
  /// Runs the check. Target problems become fail/inconclusive results; a thrown exception is
  /// caught by the runner and reported as inconclusive (never a crash).
  virtual CheckResult run(CheckContext& ctx) = 0;
};

/// Builds a check from its options; throws ConfigError for bad options.
using CheckFactory = std::function<std::unique_ptr<Check>(CheckOptions&)>;

}  // namespace golive
