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

/// Where the partner's profiles are: `explicit_dir` if given, else the first `config/` with a
/// `profiles/` folder from the current directory upward; "" when there is none. Throws
/// ConfigError when `explicit_dir` is not a directory.
std::string find_config_dir(const std::string& explicit_dir);

/// config_dir/profiles/NAME.yaml; throws ConfigError (listing the profiles present) if absent.
std::string profile_path_for(const std::string& config_dir, const std::string& env_name);

/// Starts what `base_url: embedded` needs and fills target.base_url (and webhook_url);
/// installed by the CLI so the engine does not depend on the emulator.
using EmbeddedStarter = std::function<void(Target& target)>;

/// What a profile of provider `pack` is validated against: the check ids that pack runs, the
/// attestation ids of its checklist, the packs the tool carries.
profile::LoadOptions load_options(const Registry& registry, const ProviderPack& pack);

/// A profile's text and where it came from: config_dir/profiles/NAME.yaml, the --profile file,
/// or a built-in demo profile (`--env demo` with no such file; SPEC §12).
struct ProfileText {
  std::string text;
  std::string path;  ///< the file, or "builtin:providers/P/demo.yaml"
};

/// Reads the profile named by --env (config dir searched upward, then the built-in demo
/// profiles) or by --profile. Throws ConfigError when there is none.
ProfileText read_profile_text(const std::string& env_name, const std::string& profile_file,
                              const std::string& config_dir_flag);

/// The provider a profile names (`provider:`), read without validating the rest; the default
/// pack when absent or unreadable (the full parse then reports why).
std::string peek_provider(const std::string& profile_text);

/// Parses a profile's text with the options of the pack it names. Throws ConfigError.
profile::Profile parse_profile_for(const ProfileText& profile, const Registry& registry);

/// Everything loaded before any I/O.
struct LoadedRun {
  std::string config_dir;  ///< empty when no config/ directory exists (built-in profile)
  ProviderPack provider;
  /// The pack's checklist (packs.hpp: parsed once per process; a built-in one is read from its
  /// compiled tree, so this costs a few hundred microseconds).
  const Checklist* checklist = nullptr;
  profile::Profile profile;
  std::optional<profile::Profile> rehearsal;
};

/// Loads profile (by --env or --profile), its provider pack, checklist and rehearsal profile.
/// Throws ConfigError with every problem found.
LoadedRun load_run(const std::string& env_name, const std::string& profile_file,
                   const std::string& config_dir_flag, const Registry& registry);

/// Resolves the credentials and webhook secret of `target.profile` in place; for embedded
/// profiles without credentials, generates throwaway ones (SPEC §4.1) and calls `embedded`.
/// Every resolved secret and the Basic token of a Basic-auth pack's key pair are registered
/// with the Redactor in all their forms (register_secret, register_basic_credentials).
void resolve_target(Target& target, const ProviderPack& provider, const EmbeddedStarter& embedded);

/// A fresh run id: "20261123T105600Z-3f9a1c".
std::string new_run_id();

/// ISO 8601 UTC, seconds precision.
std::string iso8601(std::chrono::system_clock::time_point t);

/// Fills the report header from the loaded run (profile, provider, checklist, times).
RunReport report_header(const LoadedRun& run, const Target& target, const std::string& run_id);

}  // namespace golive
