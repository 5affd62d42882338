#include "core/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace golive {

namespace {

/// Why a file of mode `mode` is not read, or "" for a regular file.
std::string type_problem(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "it is a directory";
  const char* kind = S_ISFIFO(mode)   ? "a FIFO (named pipe)"
                     : S_ISCHR(mode)  ? "a character device"
                     : S_ISBLK(mode)  ? "a block device"
                     : S_ISSOCK(mode) ? "a socket"
                                      : "a special file";
  return std::string("it is ") + kind + ", not a regular file";
}

/// Closes the descriptor on every path out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kib = 1024, mib = 1024 * kib;
  if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
  if (bytes >= kib && bytes % kib == 0) return std::to_string(bytes / kib) + " KiB";
  return std::to_string(bytes) + " bytes";
}

FileText read_regular_file(const std::string& path, std::size_t max_bytes) {
  FileText out;
  auto fail = [&out](std::string why) {
    out.error = std::move(why);
    return out;
  };
  auto too_large = [&] {
    out.too_large = true;
    return fail("it is larger than " + size_text(max_bytes));
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return fail(std::strerror(errno));
  if (auto why = type_problem(st.st_mode); !why.empty()) return fail(why);
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) return too_large();
  // O_NONBLOCK: should the path have been swapped for a FIFO since stat, open still returns.
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)};
  if (f.fd < 0) return fail(std::strerror(errno));
  if (::fstat(f.fd, &st) != 0) return fail(std::strerror(errno));
  if (auto why = type_problem(st.st_mode); !why.empty()) return fail(why);
  std::string text;
  char buf[16384];
  while (true) {
    const ssize_t got = ::read(f.fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(std::strerror(errno));
    if (got == 0) break;
    // The file may have grown since fstat: the cap holds for what is read, not what was stat'ed.
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) return too_large();
    text.append(buf, static_cast<std::size_t>(got));
  }
  out.text = std::move(text);
  return out;
}

}  // namespace golive
