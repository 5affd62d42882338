#pragma once
/// CheckContext: the only door from a check to the outside world (profile, secrets, HTTP,
/// clock, deadline). Checks never call getenv, curl or sleep themselves.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "engine/logger.hpp"
#include "engine/provider.hpp"
#include "net/http.hpp"
#include "profile/credentials.hpp"
#include "profile/profile.hpp"

namespace golive {

class TokenCache;

/// Credential name → resolution outcome, for one profile.
using ResolvedCredentials = std::map<std::string, profile::Resolution>;

/// A profile together with what the run resolved for it.
struct Target {
  profile::Profile profile;
  ResolvedCredentials credentials;
  std::string base_url;  ///< effective base URL (an embedded emulator's URL when "embedded")
  std::optional<profile::Resolution> webhook_secret;
  std::string webhook_url;  ///< effective receiver URL (embedded demo points at the emulator's)
};

/// Per-check view of the run.
struct CheckContext {
  const Target& target;
  const ProviderPack& provider;
  net::HttpClient& http;
  Clock& clock;
  Logger& log;
  std::string run_id;
  std::chrono::steady_clock::time_point deadline;  ///< this check's deadline
  std::string config_dir;
  /// Loads a sibling profile (e.g. "sandbox") of the same config dir with credentials
  /// resolved; nullopt (and a reason in `why`) when it cannot be loaded.
  std::function<std::optional<Target>(const std::string& name, std::string& why)> load_sibling;
  /// The same network without retries or throttling, for checks whose point is to observe one
  /// exchange as it is (webhook deliveries, a 429 on purpose). Never null while running.
  net::HttpClient* raw_http = nullptr;
  /// `check --audit FILE`: a client-audit recording (JSONL) to grade; empty when none.
  std::string audit_file;
  /// Results of this check's CheckInfo::prerequisites that ran against the same target, by id
  /// (filled by the runner before run()); a prerequisite that was not planned is absent.
  std::map<std::string, CheckResult> prerequisites = {};
  /// The run's token cache (token-exchange packs); null when there is none.
  TokenCache* tokens = nullptr;

  const profile::Profile& profile() const { return target.profile; }
  /// The secret for credential `name`, or nullptr if unresolved.
  const Secret* credential(const std::string& name) const;
  /// The result of prerequisite `id` in this run, or nullptr when it was not run for this target.
  const CheckResult* prerequisite(const std::string& id) const;
  /// Time left before the deadline (never negative).
  std::chrono::milliseconds time_left() const;
};

}  // namespace golive
