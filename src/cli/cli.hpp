#pragma once
/// Subcommand entry points. Each returns the process exit code (SPEC §3) and prints only
/// redacted text.
#include <string>
#include <vector>

namespace golive::cli {

/// Flags of `check` (and the subset `validate` uses).
struct CheckFlags {
  std::string env;
  std::string profile;
  std::string config_dir;
  std::vector<std::string> only;
  std::vector<std::string> skip;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  bool report_only = false;
  bool strict = false;
  bool plan = false;
  int timeout_s = 60;
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
};

int run_check(const CheckFlags& flags);
int run_validate(const CheckFlags& flags);
int run_list(const std::string& format, const std::string& config_dir);
int run_explain(const std::string& check_id, const std::string& config_dir);
int run_init(const std::string& env, const std::string& kind, const std::string& config_dir,
             bool force);

/// Prints ConfigError-style diagnostics and the closing line for exit 2.
int usage_error(const std::vector<std::string>& lines);

/// Whether colour should be used on a stream (flag auto|always|never, NO_COLOR, TERM=dumb, tty).
bool use_color(const std::string& flag, int fd);

}  // namespace golive::cli
