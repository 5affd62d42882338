#pragma once
/// Planning and running checks: build every check first (bad options fail early), then run
/// independent checks concurrently with per-check timeouts and one overall deadline; a check
/// that reads another's result (CheckInfo::prerequisites) runs after it.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/provider_api.hpp"
#include "engine/registry.hpp"
#include "engine/report_model.hpp"

namespace golive {

/// Which checks to run and how long to give them.
struct RunOptions {
  std::vector<std::string> only;  ///< empty: all applicable
  std::vector<std::string> skip;
  std::chrono::milliseconds timeout{60000};        ///< overall deadline
  std::chrono::milliseconds check_timeout{30000};  ///< default per check (option timeout_s)
  int concurrency = 8;
  /// The profile's provider pack: only its checks are planned (SPEC §11). Null plans every
  /// generic check (engine tests).
  const ProviderPack* pack = nullptr;
};

/// A built check bound to the target it runs against.
struct PlannedCheck {
  const CheckEntry* entry = nullptr;
  std::shared_ptr<Check> check;
  const Target* target = nullptr;
  std::chrono::milliseconds timeout{30000};
};

/// Shared services for every check of a run. Must outlive run_checks' abandoned threads: the
/// CLI exits the process right after reporting when `RunOutcome::abandoned` is non-zero.
/// Each check sees `http` and `raw_http` through a net::OriginClient that stamps its id on every
/// request (Request::origin), so the HTTP write guard below can name the check that tried.
struct RunServices {
  const ProviderPack& provider;
  net::HttpClient& http;
  Clock& clock;
  Logger& log;
  std::string run_id;
  std::string config_dir;
  std::function<std::optional<Target>(const std::string&, std::string&)> load_sibling;
  /// Called as each check finishes (progress output); may be empty.
  std::function<void(const ResultRow&, size_t done, size_t total)> on_result;
  /// Unretried, unthrottled client (CheckContext::raw_http); null means `http`.
  net::HttpClient* raw_http = nullptr;
  /// Recording for client.* grades (CheckContext::audit_file).
  std::string audit_file;
  /// Tokens of token-exchange packs, shared by every check of the run; may be null.
  TokenCache* tokens = nullptr;
};

/// Builds the checks that apply. `rehearsal` (may be null) receives the sandbox-write checks
/// of a production target (SPEC §5). Throws ConfigError listing every bad option or id.
std::vector<PlannedCheck> plan_checks(const Registry& registry, const Target& main,
                                      const Target* rehearsal, const RunOptions& options);

struct RunOutcome {
  std::vector<ResultRow> rows;  ///< in plan order
  size_t abandoned = 0;         ///< checks still running at the deadline (threads detached)
};

/// Runs the plan. A check that throws or overruns becomes `inconclusive`, never a crash. A
/// check with CheckInfo::prerequisites starts once those planned against the same target have
/// finished (or at its deadline) and finds their results in CheckContext::prerequisites.
/// Throws std::logic_error, before running anything, when prerequisites form a cycle.
RunOutcome run_checks(std::vector<PlannedCheck>& plan, RunServices& services,
                      const RunOptions& options);

}  // namespace golive
