#pragma once
/// The tool's one way to start a program: posix_spawnp, no shell. The credential `command:`
/// runner (profile/subprocess), `audit`'s partner command (audit/runner), the CLI tests
/// (tests/support/process) and the benchmarks all start their children here, so signal
/// dispositions, stdin and process groups are set the same way everywhere.
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace golive::core {

/// How spawn() wires the child. stdin is always /dev/null.
struct SpawnOptions {
  int stdout_fd = -1;  ///< becomes the child's stdout; -1: /dev/null
  int stderr_fd = -1;  ///< becomes the child's stderr; -1: /dev/null
  /// The child's whole environment ("K=V" each); nullopt: this process's environment.
  std::optional<std::vector<std::string>> env;
  std::string cwd;         ///< the child's working directory; empty: this process's
  bool own_group = false;  ///< the child leads a new process group (kill(-pid) reaches all)
};

/// The started child, or why it did not start.
struct Spawned {
  pid_t pid = 0;
  int error = 0;  ///< errno of the failure (0 when started)
  bool ok() const { return error == 0; }
};

/// Starts `argv` (argv[0] looked up in PATH, no shell) with an empty signal mask and SIGPIPE,
/// SIGINT, SIGTERM, SIGHUP and SIGCHLD at their defaults. The caller reaps the child. An empty
/// `argv` fails with EINVAL.
Spawned spawn(const std::vector<std::string>& argv, const SpawnOptions& options = {});

/// This process's environment with `changes` applied: a value sets (or replaces) the variable,
/// nullopt removes it. Sorted by name, one "K=V" entry per variable.
std::vector<std::string> environment_with(
    const std::map<std::string, std::optional<std::string>>& changes);

}  // namespace golive::core
