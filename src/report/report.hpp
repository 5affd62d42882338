#pragma once
/// Report writers (SPEC §9). Every writer redacts every string it prints (SPEC §10).
#include <ostream>
#include <string>
#include <vector>

#include "engine/report_model.hpp"

namespace golive::report {

/// Presentation options shared by the writers.
struct Style {
  bool color = false;  ///< ANSI colour (text only)
  bool quiet = false;  ///< text: only the verdict line
};

/// Formats this build can write: text, json, junit, sarif, markdown.
const std::vector<std::string>& formats();

/// Writes `report` in `format` to `out`; throws std::invalid_argument on an unknown format.
void write(const std::string& format, const RunReport& report, std::ostream& out,
           const Style& style);

/// The text report grouped by checklist, ending with the verdict line.
void write_text(const RunReport& report, std::ostream& out, const Style& style);

/// The versioned JSON report (schema_version 1; key order stable).
void write_json(const RunReport& report, std::ostream& out);

/// JUnit XML valid against the Jenkins XSD: one testsuite per environment, one testcase per
/// check (fail → failure, inconclusive → error, waived/skip → skipped), plus a failing testcase
/// per expired attestation or waiver and a skipped one per partial checklist item; property
/// "checklist" holds the item counts.
void write_junit(const RunReport& report, std::ostream& out);

/// SARIF 2.1.0 for GitHub code scanning: a rule per check id, results at the profile line; a
/// partial checklist item is a `note` of rule "checklist.partial" at the profile's first line.
void write_sarif(const RunReport& report, std::ostream& out);

/// The redacted support-ticket report in Markdown.
void write_markdown(const RunReport& report, std::ostream& out);

/// "VERDICT: READY (exit 0)" — the last line on stderr of every `check` run.
std::string verdict_line(const RunReport& report);

}  // namespace golive::report
