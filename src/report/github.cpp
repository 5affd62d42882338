#include "report/github.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

#include "core/secret.hpp"
#include "report/report_util.hpp"

namespace golive::report::github {

namespace {
using detail::safe;

/// Workflow-command data escaping (as @actions/core does): % CR LF.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

/// Workflow-command property escaping: data escaping plus ':' and ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string command(std::string_view kind, const SourceLoc& loc, std::string_view title,
                    std::string_view message) {
  return fmt::format("::{} file={},line={},title={}::{}\n", kind, escape_property(safe(loc.file)),
                     loc.line < 1 ? 1 : loc.line, escape_property(safe(title)),
                     escape_data(safe(message)));
}

std::string_view kind_of(const RunReport& report, const ResultRow& row) {
  if (row.waived) return "notice";
  if (row.result.status == Status::fail && row.info.blocking &&
      detail::baseline_mark(report, row) != detail::BaselineMark::unchanged) {
    return "error";
  }
  return "warning";
}

std::string cell(std::string_view s) {
  return detail::md_escape(safe(s));
}
std::string code(std::string_view s) {
  return detail::md_code(safe(s));
}

}  // namespace

bool enabled() {
  const char* v = std::getenv("GITHUB_ACTIONS");
  return v && std::string_view(v) == "true";
}

std::string mask_commands() {
  std::string out;
  for (const auto& value : Redactor::global().values()) {
    out += "::add-mask::" + escape_data(value) + "\n";
    if (value.find_first_of("\r\n") == std::string::npos) continue;
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find_first_of("\r\n", start);
      if (end == std::string::npos) end = value.size();
      auto line = value.substr(start, end - start);
      if (line.size() >= 4) out += "::add-mask::" + escape_data(line) + "\n";
      start = end + 1;
    }
  }
  return out;
}

std::string annotations(const RunReport& report) {
  std::string out;
  for (const auto& row : report.rows) {
    const auto& r = row.result;
    if (r.status == Status::pass || r.status == Status::skip) continue;
    std::string message = fmt::format("{} ({}, {}): {}", to_string(r.status), r.environment,
                                      row.info.title, r.summary);
    if (row.waived) message = "waived: " + row.waiver_note + " — " + message;
    if (detail::baseline_mark(report, row) == detail::BaselineMark::unchanged) {
      message = "known failure, unchanged since the baseline: " + message;
    }
    for (const auto& e : r.evidence) {
      if (!e.request_id.empty()) message += " [X-Request-Id " + e.request_id + "]";
    }
    if (!r.fix.empty()) message += "\nFix: " + r.fix;
    out += command(kind_of(report, row), detail::location_of(report, row), r.id, message);
  }
  for (const auto& it : report.items) {
    if (it.state != ItemState::partial) continue;
    SourceLoc loc{detail::relative_path(report.profile_path), 1, 0};
    out += command("notice", loc, it.item.id + " (partial)", it.item.text + ": " + it.detail);
  }
  for (const auto& c : report.commitments) {
    if (!c.expired) continue;
    SourceLoc loc{detail::relative_path(c.loc.file.empty() ? report.profile_path : c.loc.file),
                  c.loc.line, 0};
    out += command("error", loc, "commitment.expired",
                   fmt::format("{} {} expired on {} ({})\nFix: renew it with a new expiry date, "
                               "or remove it and prove the item another way",
                               c.kind, c.id, c.expires, c.note));
  }
  return out;
}

std::string step_summary(const RunReport& report) {
  auto t = detail::tally(report);
  std::string out =
      fmt::format("### bluum-golive: {} (exit {}) — {}\n\n", to_string(report.verdict),
                  report.exit_code, cell(report.environment));
  out += fmt::format("Run {} · profile {} (SHA-256 {}) · {} {} · {} kind, provider {}\n\n",
                     code(report.run_id), code(detail::relative_path(report.profile_path)),
                     code(report.profile_sha256.substr(0, 12)), cell(report.tool),
                     cell(report.tool_version), to_string(report.kind), cell(report.provider));
  out += fmt::format("Checks: {} pass, {} warn, {} fail, {} inconclusive, {} skip, {} waived\n\n",
                     t.pass, t.warn, t.fail, t.inconclusive, t.skip, t.waived);
  std::string rows;
  for (const auto& row : report.rows) {
    const auto& r = row.result;
    if (r.status == Status::pass || r.status == Status::skip) continue;
    auto loc = detail::location_of(report, row);
    std::string state = detail::row_state(row);
    switch (detail::baseline_mark(report, row)) {
      case detail::BaselineMark::new_failure:
        state += " (new)";
        break;
      case detail::BaselineMark::unchanged:
        state += " (known)";
        break;
      case detail::BaselineMark::none:
        break;
    }
    rows += fmt::format("| {} | {} | **{}** | {} | {} |\n", code(r.id), cell(r.environment), state,
                        cell(r.summary), code(fmt::format("{}:{}", loc.file, loc.line)));
  }
  if (rows.empty()) {
    out += "Every check that ran passed or was skipped.\n\n";
  } else {
    out += "| Check | Environment | State | Summary | Configured at |\n|---|---|---|---|---|\n";
    out += rows + "\n";
  }
  if (report.baseline) {
    const auto& b = *report.baseline;
    out += fmt::format("Baseline {}: {} new failure(s), {} fixed, {} unchanged, {} not run.\n\n",
                       code(b.source), b.new_failures.size(), b.fixed.size(), b.unchanged.size(),
                       b.not_run.size());
  }
  for (const auto& reason : report.reasons) out += "- " + cell(reason) + "\n";
  for (const auto& note : report.notes) out += "- Note: " + cell(note) + "\n";
  if (!report.items.empty()) out += "\nChecklist: " + detail::item_counts(report) + "\n";
  for (const auto& it : report.items) {
    if (it.state != ItemState::partial) continue;
    out += fmt::format("- **partial** {} {}: {}\n", code(it.item.id), cell(it.item.text),
                       cell(it.detail));
  }
  return redact(out) + "\n";
}

bool append_step_summary(const RunReport& report, std::string& error) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (!path || !*path) {
    error = "GITHUB_STEP_SUMMARY is not set";
    return false;
  }
  std::ofstream out(path, std::ios::app);
  out << step_summary(report);
  out.flush();
  if (!out) {
    error = std::string("cannot append the step summary to ") + path;
    return false;
  }
  return true;
}

}  // namespace golive::report::github
