#pragma once
/// Running a credential command without a shell (SPEC §4.1 `command:` sources).
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace golive::profile {

/// What running a command produced.
struct CommandOutcome {
  enum class State { exited, signalled, timed_out, too_much_output, not_started };
  State state = State::not_started;
  int code = 0;        ///< exit status (exited) or signal number (signalled)
  std::string out;     ///< stdout as read (at most max_output bytes)
  std::string reason;  ///< not_started: strerror of the spawn failure
  bool ok() const { return state == State::exited && code == 0; }
};

/// Runs `argv` with posix_spawnp (PATH lookup, no shell) in its own process group: stdin and
/// stderr are /dev/null, stdout is captured. When `timeout` passes, or stdout exceeds
/// `max_output` bytes, the whole process group is sent SIGKILL and the child is reaped.
/// Never throws for the command's own failures; `argv` must not be empty.
CommandOutcome run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                           std::size_t max_output = 64 * 1024);

}  // namespace golive::profile
