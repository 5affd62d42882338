#pragma once
/// Subcommand entry points. Each returns the process exit code (SPEC §3) and prints only
/// redacted text.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace golive::cli {

/// Subcommands registered by command modules: after parsing, the action of the chosen
/// subcommand runs. Modules keep their flag storage alive by capturing shared_ptrs.
class Commands {
 public:
  using Action = std::function<int()>;
  void add(CLI::App* subcommand, Action action) {
    actions_.emplace_back(subcommand, std::move(action));
  }
  /// Runs the action of the subcommand the user chose; -1 when none matched.
  int run_selected() const {
    for (const auto& [sub, action] : actions_) {
      if (sub->parsed()) return action();
    }
    return -1;
  }

 private:
  std::vector<std::pair<CLI::App*, Action>> actions_;
};

/// Command modules: each adds one subcommand (cmd_NAME.cpp).
void register_emulate(CLI::App& app, Commands& commands);
void register_webhook(CLI::App& app, Commands& commands);
void register_audit(CLI::App& app, Commands& commands);
void register_watch(CLI::App& app, Commands& commands);

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
  std::string audit_file;  ///< --audit: a client-audit recording to grade (client.* checks)
  bool no_audit = false;   ///< --no-audit: do not run the profile's `audit:` client
  std::string baseline;    ///< --baseline: a previous JSON report; fail only on regressions
};

int run_check(const CheckFlags& flags);
int run_validate(const CheckFlags& flags);
/// `--version`: the tool's version, then each provider pack it carries with the pack's version.
std::string version_text();

/// `list`: the checks `provider` runs (every provider's when empty).
int run_list(const std::string& format, const std::string& provider);
/// `explain`: one check, as `provider` runs it (every provider that has it when empty).
int run_explain(const std::string& check_id, const std::string& provider);
/// `init`: writes an annotated profile of `provider` from its pack's template.
int run_init(const std::string& env, const std::string& kind, const std::string& config_dir,
             bool force, const std::string& provider);

/// Prints ConfigError-style diagnostics and the closing line for exit 2.
int usage_error(const std::vector<std::string>& lines);

/// Whether colour should be used on a stream (flag auto|always|never, NO_COLOR, TERM=dumb, tty).
bool use_color(const std::string& flag, int fd);

/// Writes `verdict_line` last on stderr (SPEC §3). When the text report, which ends with the
/// same line, was the last thing written to stdout (`text_report_on_stdout`) and stdout and
/// stderr are one file (a terminal, `2>&1`), the line is already last there: not written twice.
void write_final_verdict(const std::string& verdict_line, bool text_report_on_stdout);

}  // namespace golive::cli
