#include "checks/credentials/tracked_files.hpp"

#include <fmt/format.h>

#include <chrono>
#include <sstream>

#include "profile/subprocess.hpp"

namespace golive::checks {

namespace fs = std::filesystem;

/// Files tracked by the git repository that contains `dir` (the profile's directory); empty,
/// with `note` saying why, when there is none.
std::vector<fs::path> git_tracked_files(const fs::path& dir, std::string& note) {
  using namespace std::chrono_literals;
  const std::string where = dir.empty() ? "." : dir.string();
  auto top = profile::run_command({"git", "-C", where, "rev-parse", "--show-toplevel"}, 5s);
  if (!top.ok()) {
    note =
        "the profile's directory is not in a git repository (or git is missing): scanned the "
        "profile directory only";
    return {};
  }
  std::string root = top.out.substr(0, top.out.find('\n'));
  auto ls = profile::run_command({"git", "-C", root, "ls-files", "-z"}, 10s, 16 * 1024 * 1024);
  if (!ls.ok()) {
    note = "git ls-files failed: scanned the profile directory only";
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
