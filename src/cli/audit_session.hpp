#pragma once
/// One audited run of a client (SPEC §7): the fault-injecting proxy in front of the target,
/// the recording, the command. `audit` grades it on its own; `check` runs the provider's
/// reference client this way when the profile has an `audit:` section (the demo) and grades
/// the recording with the other checks.
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/recording.hpp"
#include "audit/runner.hpp"
#include "audit/schedule.hpp"
#include "core/diagnostic.hpp"
#include "engine/logger.hpp"
#include "engine/provider_module.hpp"
#include "engine/runner.hpp"
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

/// What `check --plan` says about the profile's `audit:` client (its requests go to an
/// emulator of its own and are not listed).
std::string reference_audit_plan(const profile::AuditConfig& audit);

/// The reference-client audit of a `check` run (a profile with an `audit:` section, the demo):
/// the provider's reference client (this executable's `reference-client` subcommand) runs
/// under the profile's `audit:` settings, against an embedded emulator of its own with
/// throwaway credentials of its own, beside the other checks; the client.* checks grade its
/// recording once it is written, labelled as the reference client's.
class ReferenceAudit {
 public:
  /// Starts the client on a thread when `wanted`, the profile has an `audit:` section and a
  /// client.* check is planned; otherwise nothing runs and run() is run_checks(). It is stopped
  /// after the section's timeout_s or `max_time`, whichever comes first. `echo` receives its
  /// output lines (for -v); may be empty.
  ReferenceAudit(const LoadedRun& run, const std::vector<PlannedCheck>& plan, bool wanted,
                 std::chrono::seconds max_time, std::function<void(std::string_view)> echo);
  ~ReferenceAudit();
  ReferenceAudit(const ReferenceAudit&) = delete;
  ReferenceAudit& operator=(const ReferenceAudit&) = delete;

  /// Runs `plan`: every check but the client.* ones at once, those once the client's recording
  /// is written (services.audit_file); rows in plan order. When the client could not run, says
  /// why on `log` and the client.* checks skip.
  RunOutcome run(std::vector<PlannedCheck>& plan, RunServices& services, const RunOptions& options,
                 Logger& log);

  /// When the reference client was graded: prefixes every client.* row's summary with
  /// "reference client: ", adds the evidence line "graded client", and the notes naming the
  /// client, the schedule, the recording and its log.
  void annotate(RunReport& report) const;

  /// What the client's run left for the report.
  struct Done {
    std::string record;  ///< empty when it did not run
    std::string why;     ///< why it did not run
    std::vector<std::string> notes;
  };

 private:
  std::future<Done> pending_;
  std::optional<Done> done_;
};

}  // namespace golive::cli
