#include "checks/credentials/tracked_files.hpp"

#include <fmt/format.h>

#include <chrono>
#include <sstream>

#include "profile/subprocess.hpp"

namespace golive::checks {

namespace fs = std::filesystem;

/// Files tracked by the git repository containing the current directory (empty if none).
std::vector<fs::path> git_tracked_files(std::string& note) {
  using namespace std::chrono_literals;
  auto top = profile::run_command({"git", "rev-parse", "--show-toplevel"}, 5s);
  if (!top.ok()) {
    note = "not inside a git repository (or git is missing)";
    return {};
  }
  std::string root = top.out.substr(0, top.out.find('\n'));
  auto ls = profile::run_command({"git", "-C", root, "ls-files", "-z"}, 10s, 16 * 1024 * 1024);
  if (!ls.ok()) {
    note = "git ls-files failed";
    return {};
  }
  std::vector<fs::path> out;
  std::stringstream ss(ls.out);
  for (std::string f; std::getline(ss, f, '\0');) {
    if (!f.empty()) out.push_back(fs::path(root) / f);
  }
  note = fmt::format("scanned {} git-tracked files of {}", out.size(), root);
  return out;
}

void add_tree(const fs::path& dir, std::set<fs::path>& files) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       it != end; it.increment(ec)) {
    if (ec) break;
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.insert(fs::weakly_canonical(it->path(), ec));
  }
}

}  // namespace golive::checks
