#pragma once
/// Helpers shared by the report writers (JUnit, SARIF, Markdown, GitHub output): text hygiene,
/// locations, request ids and baseline lookups. Internal to src/report.
#include <string>
#include <string_view>
#include <vector>

#include "engine/report_model.hpp"

namespace golive::report::detail {

/// `text` as valid UTF-8 (bad bytes become U+FFFD) without control characters other than tab,
/// newline and carriage return, and without the noncharacters U+FFFE/U+FFFF. Every XML 1.0
/// forbidden character is gone afterwards; JSON serialisers no longer throw on it.
std::string clean_text(std::string_view text);

/// redact() then clean_text(): what every writer does to a string before escaping it.
std::string safe(std::string_view text);

/// XML character data (`attribute` false) or attribute value (true; also escapes quotes and
/// keeps tabs/newlines as character references). Input must already be safe().
std::string xml_escape(std::string_view text, bool attribute);

/// Markdown inline text that is safe in a table cell: `|` escaped, `<`/`>` as entities, line
/// breaks as spaces. Input must already be safe().
std::string md_escape(std::string_view text);

/// Markdown code span for `text` (backticks inside become '); "" for empty text.
std::string md_code(std::string_view text);

/// `path` relative to the current directory with '/' separators ("config/profiles/x.yaml"),
/// or `path` unchanged when no relative form exists. Never a URL.
std::string relative_path(const std::string& path);

/// The profile file and line that configure `row` (line ≥ 1), path relative as above.
SourceLoc location_of(const RunReport& report, const ResultRow& row);

/// "waived" for a waived row, else the status name ("pass", "fail", ...).
std::string row_state(const ResultRow& row);

/// Whether a row with these facts gates the verdict (same rule as engine decide()).
bool gating(std::string_view status, bool blocking, bool waived, bool strict);

/// Where a row stands against the report's baseline, if any.
enum class BaselineMark { none, new_failure, unchanged };
BaselineMark baseline_mark(const RunReport& report, const ResultRow& row);

/// The check group: "webhook" for "webhook.accepts-valid".
std::string check_group(const std::string& check_id);

/// One evidence item on one line: "label: expected X, observed Y [GET url → 200 X-Request-Id r
/// 12 ms]". Not redacted (callers redact).
std::string evidence_line(const Evidence& e);

/// An X-Request-Id seen in the run and where.
struct RequestIdRef {
  std::string request_id;
  std::string check_id;
  std::string environment;
  std::string label;
};
/// Every X-Request-Id in the report's evidence, in row order, each once.
std::vector<RequestIdRef> request_ids(const RunReport& report);

/// How many checklist items are in each state, every state named in kItemStates order:
/// "12 verified, 1 failed, 0 attested, 0 waived, 2 inconclusive, 1 partial, 3 not covered".
std::string item_counts(const RunReport& report);

/// Counts used by several formats.
struct Tally {
  int pass = 0, warn = 0, fail = 0, inconclusive = 0, skip = 0, waived = 0;
};
Tally tally(const RunReport& report);

}  // namespace golive::report::detail
