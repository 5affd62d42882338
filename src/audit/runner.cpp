#include "audit/runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "core/spawn.hpp"

namespace golive::audit {

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_interrupted{false};

extern "C" void on_stop_signal(int) {
  g_interrupted.store(true);
}

/// Installs SIGINT/SIGTERM handlers for its lifetime, restoring the previous ones after.
class StopSignals {
 public:
  StopSignals() {
    g_interrupted.store(false);
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {
  }, old_term_{};
};

/// Reads `fd` until EOF or until `stop` is set, handing over complete lines.
void pump(int fd, const std::atomic<bool>& stop, const std::function<void(std::string_view)>& out) {
  std::string buf;
  char chunk[4096];
  while (!stop.load()) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buf.append(chunk, static_cast<size_t>(n));
    for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
      if (out) out(std::string_view(buf).substr(0, nl));
    }
  }
  if (!buf.empty() && out) out(buf);
}

/// Waits for `pid` until `until`; true (and the status) when it ended.
bool wait_until(pid_t pid, Clock::time_point until, int& status) {
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR)) return true;
    if (Clock::now() >= until || g_interrupted.load()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

/// SIGTERM to the group, SIGKILL after `grace` if anything is left.
void stop_group(pid_t pgid, std::chrono::milliseconds grace) {
  if (::kill(-pgid, SIGTERM) != 0) return;
  const auto until = Clock::now() + grace;
  while (Clock::now() < until && ::kill(-pgid, 0) == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(-pgid, SIGKILL);
}

}  // namespace

CommandOutcome run_command(const CommandSpec& spec) {
  CommandOutcome out;
  if (spec.argv.empty()) {
    out.error = "no command given";
    return out;
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    out.error = std::string("pipe: ") + std::strerror(errno);
    return out;
  }
  core::SpawnOptions options;
  options.stdout_fd = fds[1];
  options.stderr_fd = fds[1];
  options.own_group = true;
  options.env = core::environment_with({spec.env.begin(), spec.env.end()});
  StopSignals signals;
  const auto start = Clock::now();
  const core::Spawned spawned = core::spawn(spec.argv, options);
  ::close(fds[1]);
  if (!spawned.ok()) {
    ::close(fds[0]);
    out.error = "cannot run '" + spec.argv[0] + "': " + std::strerror(spawned.error);
    return out;
  }
  const pid_t pid = spawned.pid;
  out.started = true;
  std::atomic<bool> stop_reading{false}, reader_done{false};
  std::thread reader([&] {
    pump(fds[0], stop_reading, spec.on_output);
    reader_done.store(true);
  });

  int status = 0;
  if (!wait_until(pid, start + spec.timeout, status)) {
    out.interrupted = g_interrupted.load();
    out.timed_out = !out.interrupted;
    stop_group(pid, spec.kill_grace);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  out.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  if (WIFEXITED(status)) out.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) out.signal = WTERMSIG(status);
  // Whatever the command left running in its group goes too (it would talk to a dead proxy).
  if (::kill(-pid, 0) == 0) stop_group(pid, std::chrono::milliseconds(500));
  // Output still buffered is read for up to a second; a descendant that left the group and kept
  // the pipe open does not hold the audit hostage.
  const auto give_up = Clock::now() + std::chrono::seconds(1);
  while (!reader_done.load() && Clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop_reading.store(true);
  reader.join();
  ::close(fds[0]);
  return out;
}

}  // namespace golive::audit
