#pragma once
/// One audited run of a client (SPEC §7): the fault-injecting proxy in front of the target,
/// the recording, the command. `audit` grades it on its own; `check` runs the provider's
/// reference client this way when the profile has an `audit:` section (the demo) and grades
/// the recording with the other checks.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/recording.hpp"
#include "audit/runner.hpp"
#include "audit/schedule.hpp"
#include "core/diagnostic.hpp"
#include "engine/provider_module.hpp"
#include "engine/session.hpp"

namespace golive::cli {

struct AuditSpec {
  std::string schedule_name = "default";  ///< as given, for the recording's header
  audit::Schedule schedule;
  std::uint64_t seed = 1;
  std::string record;      ///< recording path; "" = a file in the temp directory
  std::string client_log;  ///< the command's log, for client.request-ids; "" = none
  std::vector<std::string> argv;
  std::chrono::seconds timeout{60};
  /// The caller's BLUUM_API_KEY-style variables win over the profile's credentials (`audit`:
  /// the partner's client may bring its own); false: the command always gets the profile's.
  bool caller_credentials_first = true;
  /// Each output line of the command (unredacted); empty: discarded.
  std::function<void(std::string_view)> on_output;
  /// Prints the "proxy ... recording ..." line on stderr.
  bool announce = true;
};

struct AuditedRun {
  std::string run_id;
  std::string record;
  std::chrono::system_clock::time_point started;
  audit::CommandOutcome outcome;
  audit::Footer footer;
};

/// Runs `spec.argv` behind the proxy against `target` (resolved; `emu` is its embedded emulator
/// or nullptr) and writes the recording, footer included. Throws std::runtime_error when the
/// recording cannot be created. outcome.started is false (with outcome.error) when the command
/// could not start.
AuditedRun run_audited(const LoadedRun& run, const Target& target, EmbeddedEmulator* emu,
                       const AuditSpec& spec);

/// What is wrong with a profile's `audit:` section beyond its shape: an unknown schedule, a
/// provider without a reference client. Empty when there is no section.
std::vector<Diagnostic> audit_section_problems(const profile::Profile& profile);

/// A reference-client audit run by `check`: the recording for the client.* checks, and what
/// the report says about it.
struct ReferenceAudit {
  std::string record;
  std::vector<std::string> notes;
};

/// Runs the provider's reference client (this executable's `reference-client` subcommand)
/// under the profile's `audit:` settings against a fresh embedded emulator, with throwaway
/// credentials of its own. `echo` receives its output lines (for -v). nullopt, with `why`, when
/// it could not run.
/// It is stopped after the section's timeout_s or `max_time`, whichever comes first.
std::optional<ReferenceAudit> run_reference_audit(const LoadedRun& run,
                                                  std::chrono::seconds max_time,
                                                  std::function<void(std::string_view)> echo,
                                                  std::string& why);

/// Marks every client.* row of `report` as a grade of the reference client, not the partner's:
/// a prefix on the summary and an evidence line.
void label_reference_client(RunReport& report);

}  // namespace golive::cli
