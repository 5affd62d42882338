#include "profile/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/spawn.hpp"

namespace golive::profile {

namespace {

using Clock = std::chrono::steady_clock;

/// The child and its stdout pipe while it runs.
class Child {
 public:
  Child(pid_t pid, int out_fd) : pid_(pid), fd_(out_fd) {}
  ~Child() {
    if (fd_ >= 0) close(fd_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  enum class Read { data, idle, closed, overflow };

  /// Waits up to `ms` for stdout and appends what is there; `overflow` past `max` bytes.
  Read read_some(int ms, std::string& out, size_t max) {
    if (fd_ < 0) {
      if (ms > 0) poll(nullptr, 0, std::min(ms, 10));
      return Read::closed;
    }
    pollfd p{fd_, POLLIN, 0};
    int n = poll(&p, 1, ms);
    if (n == 0 || (n < 0 && errno == EINTR)) return Read::idle;
    char buf[4096];
    ssize_t got = n > 0 ? read(fd_, buf, sizeof buf) : -1;
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) return Read::idle;
    if (got <= 0) {
      close(fd_);
      fd_ = -1;
      return Read::closed;
    }
    if (out.size() + static_cast<size_t>(got) > max) return Read::overflow;
    out.append(buf, static_cast<size_t>(got));
    return Read::data;
  }
  /// Reaps the child if it has ended (or waits for it when `block`).
  bool reap(bool block) {
    if (reaped_) return true;
    pid_t w;
    do {
      w = waitpid(pid_, &status_, block ? 0 : WNOHANG);
    } while (w < 0 && errno == EINTR);
    reaped_ = w == pid_ || (w < 0 && errno == ECHILD);
    return reaped_;
  }
  /// SIGKILL to the child's process group (a no-op once it was reaped: its pid may be reused).
  void kill_group() {
    if (reaped_) return;
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
  }
  int status() const { return status_; }

 private:
  pid_t pid_;
  int fd_;
  int status_ = 0;
  bool reaped_ = false;
};

}  // namespace

CommandOutcome run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                           std::size_t max_output) {
  CommandOutcome res;
  if (argv.empty()) {
    res.reason = "no command given";
    return res;
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    res.reason = std::strerror(errno);
    return res;
  }
  core::SpawnOptions options;
  options.stdout_fd = fds[1];
  options.own_group = true;
  const core::Spawned spawned = core::spawn(argv, options);
  close(fds[1]);
  if (!spawned.ok()) {
    close(fds[0]);
    res.reason = std::strerror(spawned.error);
    return res;
  }
  const pid_t pid = spawned.pid;
  Child child(pid, fds[0]);
  const auto deadline = Clock::now() + timeout;
  res.state = CommandOutcome::State::exited;
  while (true) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      res.state = CommandOutcome::State::timed_out;
      break;
    }
    int slice = static_cast<int>(std::min<long long>(left, 50));
    if (child.read_some(slice, res.out, max_output) == Child::Read::overflow) {
      res.state = CommandOutcome::State::too_much_output;
      break;
    }
    if (child.reap(false)) {
      // It ended: take what it wrote, without waiting for processes it left behind.
      Child::Read r = Child::Read::data;
      while (r == Child::Read::data) r = child.read_some(0, res.out, max_output);
      if (r == Child::Read::overflow) res.state = CommandOutcome::State::too_much_output;
      break;
    }
  }
  if (res.state != CommandOutcome::State::exited) {
    child.kill_group();
    child.reap(true);
    return res;
  }
  child.reap(true);
  if (WIFSIGNALED(child.status())) {
    res.state = CommandOutcome::State::signalled;
    res.code = WTERMSIG(child.status());
  } else {
    res.code = WEXITSTATUS(child.status());
  }
  return res;
}

}  // namespace golive::profile
