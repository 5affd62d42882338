#pragma once
/// One `check`/`validate` invocation end to end: locate and load the profile, provider pack and
/// checklist; resolve credentials; build the plan; run it; decide the verdict.
#include <functional>
#include <optional>
#include <string>

#include "engine/checklist.hpp"
#include "engine/runner.hpp"
#include "engine/verdict.hpp"
#include "profile/loader.hpp"

namespace golive {

/// Where profiles, checklists and provider packs are: `explicit_dir` if given, else the first
/// `config/` with a `profiles/` folder from the current directory upward, else the directory
/// the binary was built from. Throws ConfigError when none exists.
std::string find_config_dir(const std::string& explicit_dir);

/// config_dir/profiles/NAME.yaml; throws ConfigError (listing the profiles present) if absent.
std::string profile_path_for(const std::string& config_dir, const std::string& env_name);

/// Starts what `base_url: embedded` needs and fills target.base_url (and webhook_url);
/// installed by the CLI so the engine does not depend on the emulator.
using EmbeddedStarter = std::function<void(Target& target)>;

/// What profiles of `config_dir` are validated against: the registry's check ids, the
/// attestation ids of the default provider's checklist, the provider packs present.
profile::LoadOptions load_options(const std::string& config_dir, const Registry& registry);

/// Everything loaded before any I/O.
struct LoadedRun {
  std::string config_dir;
  ProviderPack provider;
  Checklist checklist;
  profile::Profile profile;
  std::optional<profile::Profile> rehearsal;
};

/// Loads profile (by --env or --profile), its provider pack, checklist and rehearsal profile.
/// Throws ConfigError with every problem found.
LoadedRun load_run(const std::string& env_name, const std::string& profile_file,
                   const std::string& config_dir_flag, const Registry& registry);

/// Resolves the credentials and webhook secret of `target.profile` in place; for embedded
/// profiles without credentials, generates throwaway ones (SPEC §4.1) and calls `embedded`.
/// Every resolved secret and the Basic token of the pack's key pair are registered with the
/// Redactor in all their forms (register_secret, register_basic_credentials).
void resolve_target(Target& target, const ProviderPack& provider, const EmbeddedStarter& embedded);

/// A fresh run id: "20261123T105600Z-3f9a1c".
std::string new_run_id();

/// ISO 8601 UTC, seconds precision.
std::string iso8601(std::chrono::system_clock::time_point t);

/// Fills the report header from the loaded run (profile, provider, checklist, times).
RunReport report_header(const LoadedRun& run, const Target& target, const std::string& run_id);

}  // namespace golive
