#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/spawn.hpp"

using namespace golive::core;

namespace {

/// Runs `argv` with `options`, its stdout (and stderr when `merge`) on a pipe; returns what it
/// wrote and sets `status`.
std::string output_of(const std::vector<std::string>& argv, SpawnOptions options, int& status,
                      bool merge = false) {
  int fds[2];
  REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
  options.stdout_fd = fds[1];
  if (merge) options.stderr_fd = fds[1];
  const Spawned child = spawn(argv, options);
  close(fds[1]);
  std::string out;
  char buf[256];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
  close(fds[0]);
  REQUIRE(child.ok());
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  return out;
}

}  // namespace

TEST_CASE("core.spawn: runs a program from PATH without a shell and wires stdout and stderr",
          "[core][unit]") {
  int status = -1;
  CHECK(output_of({"sh", "-c", "echo out; echo err >&2"}, {}, status) == "out\n");
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(output_of({"sh", "-c", "echo out; echo err >&2; exit 3"}, {}, status, true) ==
        "out\nerr\n");
  CHECK(WEXITSTATUS(status) == 3);
  // No shell: the argument is one word, not a command line.
  CHECK(output_of({"echo", "a;b $HOME"}, {}, status) == "a;b $HOME\n");
}

TEST_CASE("core.spawn: stdin is /dev/null", "[core][unit]") {
  int status = -1;
  CHECK(output_of({"sh", "-c", "cat; echo end"}, {}, status) == "end\n");
}

TEST_CASE("core.spawn: the environment, working directory and process group are as asked",
          "[core][unit]") {
  ::setenv("GOLIVE_SPAWN_TEST_KEEP", "kept", 1);
  ::setenv("GOLIVE_SPAWN_TEST_DROP", "dropped", 1);
  SpawnOptions o;
  o.env = environment_with({{"GOLIVE_SPAWN_TEST_NEW", "new"}, {"GOLIVE_SPAWN_TEST_DROP", {}}});
  o.cwd = "/";
  o.own_group = true;
  int status = -1;
  const auto out = output_of(
      {"sh", "-c",
       "echo \"$GOLIVE_SPAWN_TEST_KEEP-$GOLIVE_SPAWN_TEST_NEW-${GOLIVE_SPAWN_TEST_DROP:-none}\"; "
       "pwd; test \"$(cut -d' ' -f5 /proc/$$/stat)\" = \"$$\" && echo leader"},
      o, status);
  CHECK(out == "kept-new-none\n/\nleader\n");
  ::unsetenv("GOLIVE_SPAWN_TEST_KEEP");
  ::unsetenv("GOLIVE_SPAWN_TEST_DROP");
}

TEST_CASE("core.spawn: a missing program or an empty argv is an error, not a child",
          "[core][unit]") {
  const Spawned missing = spawn({"golive-no-such-program-xyz"});
  CHECK_FALSE(missing.ok());
  CHECK(missing.error == ENOENT);
  const Spawned empty = spawn({});
  CHECK_FALSE(empty.ok());
  CHECK(empty.error == EINVAL);
}
