#pragma once
// Runs a program (no shell) with a chosen environment and captures stdout and stderr, for CLI
// tests. Test-only code.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace golive::testing {

struct ProcessResult {
  int exit_code = -1;  ///< -1 when killed by a signal or not started
  std::string out;
  std::string err;
  bool timed_out = false;
};

/// Runs `argv` with the current environment, minus variables mapped to nullopt and plus those
/// mapped to a value, in `cwd` (empty = inherit). A program name without a slash is looked up
/// in PATH. Kills it after `timeout_s`.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::optional<std::string>>& env = {},
                          const std::string& cwd = "", int timeout_s = 60);

}  // namespace golive::testing
