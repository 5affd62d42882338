#pragma once
/// Runs the partner's command for `audit`: posix_spawn in its own process group, stdin from
/// /dev/null, stdout and stderr merged and handed over line by line, the whole group stopped
/// at the deadline (SIGTERM, then SIGKILL after a grace period) or on SIGINT/SIGTERM.
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace golive::audit {

struct CommandSpec {
  std::vector<std::string> argv;           ///< argv[0] is searched in PATH
  std::map<std::string, std::string> env;  ///< set on top of this process's environment
  std::chrono::milliseconds timeout{60000};
  std::chrono::milliseconds kill_grace{2000};  ///< SIGTERM → SIGKILL
  /// Each output line (without its newline); called from a reader thread.
  std::function<void(std::string_view line)> on_output;
};

struct CommandOutcome {
  bool started = false;
  std::string error;   ///< why it did not start
  int exit_code = -1;  ///< -1 when ended by a signal
  int signal = 0;
  bool timed_out = false;
  bool interrupted = false;  ///< this process got SIGINT/SIGTERM while waiting
  std::chrono::milliseconds duration{0};
};

/// Runs the command to its end or its deadline. Processes the command left behind in its group
/// are stopped too once it exits, so nothing keeps talking to a proxy that is gone.
CommandOutcome run_command(const CommandSpec& spec);

}  // namespace golive::audit
