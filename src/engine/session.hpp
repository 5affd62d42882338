#pragma once
/// One `check`/`validate` invocation end to end: locate and load the profile, provider pack and
/// checklist; resolve credentials; build the plan; run it; decide the verdict.
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <string_view>

#include "engine/checklist.hpp"
#include "engine/runner.hpp"
#include "engine/verdict.hpp"
#include "profile/loader.hpp"

namespace golive {

/// Where the partner's profiles are: `explicit_dir` if given (ConfigError when it is not a
/// directory), else the first `config/` with a `profiles/` folder from the current directory
/// upward, else "" (none: only the built-in demo profile is available).
std::string find_config_dir(const std::string& explicit_dir);

/// A profile to read: a file, or a copy built into the tool.
struct ProfileSource {
  std::string path;                      ///< the file, or "built-in:profiles/NAME.yaml"
  std::optional<std::string_view> text;  ///< the built-in text; nullopt for a file
};

/// The profile `--env NAME` names: config_dir/profiles/NAME.yaml, else — for the demo only —
/// the built-in demo profile. Throws ConfigError (listing the profiles present, and how to
/// write one) when neither exists.
ProfileSource profile_source(const std::string& config_dir, const std::string& env_name);

/// Reads `source` like profile::read_profile_file: every problem returned, nothing thrown.
profile::LoadResult read_profile_source(const ProfileSource& source,
                                        const profile::LoadOptions& options);

/// Starts what `base_url: embedded` needs and fills target.base_url (and webhook_url);
/// installed by the CLI so the engine does not depend on the emulator.
using EmbeddedStarter = std::function<void(Target& target)>;

/// A checklist being read. The built-in one is parsed on a worker thread while the run goes on
/// (it is tested, and parsing it is the largest fixed cost of a run); one from `--packs-dir` is
/// parsed at once, so that its errors stop the run before anything is sent.
class PendingChecklist {
 public:
  PendingChecklist() = default;
  /// Starts reading the checklist `name`; throws ConfigError at once for a `--packs-dir` copy.
  explicit PendingChecklist(const std::string& name);
  /// The checklist, waiting for the parse; rethrows its ConfigError. Thread-safe.
  const Checklist& get() const;

 private:
  std::shared_future<Checklist> parsed_;
};

/// What profiles are validated against: the registry's check ids, the attestation ids of
/// `checklist` (read only for a profile with attestations; the default provider's checklist when
/// null), the provider packs available.
profile::LoadOptions load_options(const Registry& registry,
                                  const PendingChecklist* checklist = nullptr);

/// Everything loaded before any I/O.
struct LoadedRun {
  std::string config_dir;  ///< where the profiles are; "" for a built-in profile found alone
  ProviderPack provider;
  PendingChecklist checklist;
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
