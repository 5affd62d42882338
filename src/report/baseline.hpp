#pragma once
/// The CI gate's `--baseline FILE` (issue 7): compare this run with a previous JSON report and
/// fail only on regressions, matched by (check id, environment).
///
/// Call order in `check` (src/cli/cmd_check.cpp):
///   1. Before anything is sent (next to the profile load), so a bad file is exit 2:
///        nlohmann::json previous = report::read_baseline(flags.baseline);   // throws ConfigError
///   2. After decide(report, VerdictOptions{strict, report_only}):
///        auto diff = report::diff_against_baseline(report, previous, {flags.baseline,
///        flags.strict}); report::apply_baseline(report, std::move(diff), VerdictOptions{strict,
///        report_only});
///   3. Write the reports (every format renders report.baseline), then the GitHub output
///      (report/github.hpp), then the verdict line.
///
/// "Failing" means gating the verdict, with the rule of engine decide(): not waived, and a
/// blocking fail or inconclusive, or (with --strict) a warning.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/report_model.hpp"
#include "engine/verdict.hpp"

namespace golive::report {

struct BaselineOptions {
  std::string source;   ///< the file as given on the command line (shown in reports)
  bool strict = false;  ///< --strict: warnings count as failures on both sides
};

/// The largest baseline file read.
inline constexpr std::size_t k_max_baseline_bytes = 16 * 1024 * 1024;

/// Reads and checks a previous JSON report (schema_version 1, as write_json writes it).
/// Throws ConfigError ("FILE: baseline: ...") when the file is unreadable (not a regular file,
/// larger than k_max_baseline_bytes), not JSON, or not a bluum-golive report.
nlohmann::json read_baseline(const std::string& path);

/// This run against `previous` (a parsed JSON report): new failures (failing now, not failing
/// or absent before), fixed (failing before, run and not failing now), unchanged (failing in
/// both) and not_run (failing before, absent now). Lists follow this run's row order, not_run
/// the baseline's. Throws ConfigError when `previous` is not a bluum-golive JSON report.
BaselineDiff diff_against_baseline(const RunReport& report, const nlohmann::json& previous,
                                   const BaselineOptions& options = {});

/// Stores `diff` in report.baseline and recomputes verdict, exit code, reasons and notes as
/// engine decide() would with every unchanged (known) failure ignored: new failures and
/// expired attestations or waivers still fail the run (and, with --strict, waivers in force
/// and attestations past half their life). `options` must be the ones given to decide().
void apply_baseline(RunReport& report, BaselineDiff diff, const VerdictOptions& options = {});

}  // namespace golive::report
