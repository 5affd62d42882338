#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// auth.client-scope — static: no tracked front-end file (.js .jsx .ts .tsx .mjs .cjs .vue
/// .svelte .html .htm) holds the API key's value or asks for a SERVER_ACCESS token; client-side
/// code must use CLIENT_ACCESS tokens bound to a user. Evidence: path:line, never the value.
/// Options: `paths` (directories to scan as well, e.g. a front-end checkout), `max_file_kib`
/// (default 1024). Skipped when there is no front-end file to read.
class AuthClientScope final : public Check {
 public:
  static CheckInfo describe();
  explicit AuthClientScope(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;

 private:
  std::vector<std::string> extra_paths_;
  size_t max_file_bytes_;
};

}  // namespace golive::checks
