#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// credentials.not-in-files — no resolved secret value appears in any file under the profile's
/// directory nor in the git-tracked files of the repository holding the profile. Evidence:
/// path:line, never the value, and every file that was not scanned (over max_file_kib, not a
/// regular file, unreadable): with such files and no hit the result is inconclusive. Options:
/// `paths` (extra directories to scan), `max_file_kib` (1 to 1048576, default 1024).
class CredentialsNotInFiles final : public Check {
 public:
  static CheckInfo describe();
  explicit CredentialsNotInFiles(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;

 private:
  std::vector<std::string> extra_paths_;
  size_t max_file_bytes_;
};

}  // namespace golive::checks
