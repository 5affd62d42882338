#pragma once
/// GitHub Actions output for the CI gate (issue 7, peers.md §4.7): `::add-mask::` for every
/// registered secret, `::error`/`::warning`/`::notice` annotations at the profile line that
/// configures each check, and a Markdown step summary.
///
/// Call order in `check` when enabled() (GITHUB_ACTIONS=true):
///   1. Right after the credentials are resolved (resolve_target for the main and rehearsal
///      targets, which registers every secret with the Redactor) and before anything else is
///      printed:            std::cerr << report::github::mask_commands();
///      Call it again after the run if later code may register more secrets (a value is masked
///      from the line after its command on, so early is what matters).
///   2. After decide() and apply_baseline() and after the reports are written:
///                          std::cerr << report::github::annotations(report);
///                          report::github::append_step_summary(report, error);  // log error
///   3. Last: the verdict line on stderr, as always.
/// Workflow commands go to stderr, which the runner reads like stdout, so `--output -` reports
/// on stdout stay parseable.
#include <string>

#include "engine/report_model.hpp"

namespace golive::report::github {

/// True when GITHUB_ACTIONS is "true" in the environment.
bool enabled();

/// "::add-mask::VALUE\n" for every value registered with Redactor::global() (data-escaped as
/// the runner expects; each line of a multi-line value is also masked on its own). The one
/// output that contains secrets, by design: the runner needs them to mask its logs.
std::string mask_commands();

/// One workflow command per finding, located at ResultRow::configured_at relative to the
/// current directory, title = check id, message = redacted summary and fix:
/// blocking fail → ::error; advisory fail, warn, inconclusive, and a fail unchanged since the
/// baseline → ::warning; waived → ::notice; an expired attestation or waiver → ::error at its
/// profile line (title "commitment.expired"); a partial checklist item → ::notice at the
/// profile's first line (title "ITEM (partial)"). Pass and skip produce nothing.
std::string annotations(const RunReport& report);

/// A compact Markdown summary for $GITHUB_STEP_SUMMARY: verdict, run metadata, a table of every
/// check that did not pass, the baseline comparison, checklist counts and every partial item.
/// Redacted.
std::string step_summary(const RunReport& report);

/// Appends step_summary(report) to the file named by $GITHUB_STEP_SUMMARY. Returns false with
/// `error` set when the variable is unset or the file cannot be written.
bool append_step_summary(const RunReport& report, std::string& error);

}  // namespace golive::report::github
