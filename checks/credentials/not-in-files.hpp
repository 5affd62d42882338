#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// credentials.not-in-files — no resolved secret value appears in any file under the profile's
/// directory nor in git-tracked files of the current repository. Evidence: path:line, never the
/// value. Options: `paths` (extra directories to scan), `max_file_kib` (default 1024).
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
