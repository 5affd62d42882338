// The support-ticket report (SPEC §1, §9): verdict, run metadata, the checklist, every finding
// with evidence and fix, every X-Request-Id, commitments; redacted; readable as plain text when
// pasted into an email and rendered when pasted into a ticket.
#include <fmt/format.h>

#include <map>

#include "core/secret.hpp"
#include "report/report.hpp"
#include "report/report_util.hpp"

namespace golive::report {

namespace {
using detail::safe;

std::string md(std::string_view s) {
  return detail::md_escape(safe(s));
}
std::string code(std::string_view s) {
  return detail::md_code(safe(s));
}

void metadata(const RunReport& rep, std::string& out) {
  auto t = detail::tally(rep);
  auto row = [&](std::string_view k, const std::string& v) {
    out += fmt::format("| {} | {} |\n", k, v.empty() ? "—" : v);
  };
  out += "| Field | Value |\n|---|---|\n";
  row("Verdict", fmt::format("**{}** (exit {})", to_string(rep.verdict), rep.exit_code));
  row("Run id", code(rep.run_id));
  row("Tool", md(rep.tool + " " + rep.tool_version));
  row("Profile", code(detail::relative_path(rep.profile_path)));
  row("Profile SHA-256", code(rep.profile_sha256));
  row("Environment", md(fmt::format("{} (kind {}, provider {})", rep.environment,
                                    to_string(rep.kind), rep.provider)));
  row("Base URL", code(rep.base_url));
  row("Started", md(rep.started_at));
  row("Finished", md(fmt::format("{} ({} ms)", rep.finished_at, rep.duration_ms)));
  row("Checks", fmt::format("{} pass, {} warn, {} fail, {} inconclusive, {} skip, {} waived",
                            t.pass, t.warn, t.fail, t.inconclusive, t.skip, t.waived));
  if (!rep.items.empty()) row("Checklist items", detail::item_counts(rep));
  out += "\n";
}

void reasons(const RunReport& rep, std::string& out) {
  if (rep.reasons.empty() && rep.notes.empty()) return;
  out += "## Why this verdict\n\n";
  for (const auto& r : rep.reasons) out += "- " + md(r) + "\n";
  for (const auto& n : rep.notes) out += "- Note: " + md(n) + "\n";
  out += "\n";
}

void baseline_list(std::string_view title, const std::vector<BaselineEntry>& v, std::string& out) {
  out += fmt::format("**{}** ({})\n\n", title, v.size());
  if (v.empty()) out += "- none\n";
  for (const auto& e : v) {
    out += fmt::format("- {} in {}: {} (was {}) — {}\n", code(e.check_id), md(e.environment),
                       md(e.status), md(e.previous_status), md(e.summary));
  }
  out += "\n";
}

void baseline(const RunReport& rep, std::string& out) {
  if (!rep.baseline) return;
  const auto& b = *rep.baseline;
  out += "## Compared with the baseline\n\n";
  out += fmt::format("Baseline {} (run {}). Only new failures gate this run.\n\n", code(b.source),
                     code(b.previous_run_id));
  baseline_list("New failures", b.new_failures, out);
  baseline_list("Fixed", b.fixed, out);
  baseline_list("Unchanged (known failures)", b.unchanged, out);
  if (!b.not_run.empty())
    baseline_list("Failing in the baseline, not run this time", b.not_run, out);
}

void checklist(const RunReport& rep, std::string& out) {
  if (rep.items.empty()) return;
  std::map<std::string, std::string> state;
  for (const auto& row : rep.rows) state[row.result.id] = detail::row_state(row);
  out += fmt::format("## Checklist: {}\n\n", md(rep.checklist_title));
  if (!rep.checklist_source.empty()) out += "Source: " + md(rep.checklist_source) + "\n\n";
  out += "| Section | Item | State | Checks |\n|---|---|---|---|\n";
  for (const auto& it : rep.items) {
    std::string item = it.item.text;
    if (!it.detail.empty()) item += " — " + it.detail;
    std::vector<std::string> checks;
    for (const auto& id : it.checks_run) checks.push_back(code(id) + " " + md(state[id]));
    out += fmt::format("| {}. {} | {} | **{}** | {} |\n", it.section_number, md(it.section_title),
                       md(item), to_string(it.state),
                       checks.empty() ? "—" : fmt::format("{}", fmt::join(checks, "<br>")));
  }
  out += "\n";
}

void evidence(const Evidence& e, std::string& out) {
  out += "  - " + md(e.label);
  if (!e.expected.empty()) out += ": expected " + code(e.expected);
  if (!e.observed.empty())
    out += (e.expected.empty() ? ": observed " : ", observed ") + code(e.observed);
  out += "\n";
  if (!e.method.empty() || e.status || !e.request_id.empty() || e.latency_ms) {
    std::vector<std::string> facts;
    if (!e.method.empty()) facts.push_back("request " + code(e.method + " " + e.url));
    if (e.status) facts.push_back(fmt::format("status {}", e.status));
    if (!e.request_id.empty()) facts.push_back("X-Request-Id " + code(e.request_id));
    if (e.latency_ms) facts.push_back(fmt::format("latency {:.0f} ms", *e.latency_ms));
    out += fmt::format("    - {}\n", fmt::join(facts, ", "));
  }
}

void findings(const RunReport& rep, std::string& out) {
  std::string body;
  for (const auto& row : rep.rows) {
    const auto& r = row.result;
    if (r.status == Status::pass || r.status == Status::skip) continue;
    auto loc = detail::location_of(rep, row);
    body += fmt::format("### {} {} — {}\n\n", md(detail::row_state(row)), code(r.id),
                        md(row.info.title));
    body += fmt::format("- Environment: {} · {} · configured at {}\n", md(r.environment),
                        row.info.blocking ? "blocking" : "advisory",
                        code(fmt::format("{}:{}", loc.file, loc.line)));
    switch (detail::baseline_mark(rep, row)) {
      case detail::BaselineMark::new_failure:
        body += "- Baseline: **new failure**\n";
        break;
      case detail::BaselineMark::unchanged:
        body += "- Baseline: known failure, unchanged\n";
        break;
      case detail::BaselineMark::none:
        break;
    }
    body += "- Summary: " + md(r.summary) + "\n";
    if (row.waived) body += "- Waived: " + md(row.waiver_note) + "\n";
    if (!r.evidence.empty()) body += "- Evidence:\n";
    for (const auto& e : r.evidence) evidence(e, body);
    std::string fix = r.fix.empty() ? row.info.how_to_fix : r.fix;
    if (!fix.empty()) body += "- Fix: " + md(fix) + "\n";
    body += "\n";
  }
  out += "## Findings\n\n";
  out += body.empty() ? "No check failed, warned or was inconclusive.\n\n" : body;
}

void request_ids(const RunReport& rep, std::string& out) {
  auto ids = detail::request_ids(rep);
  out += "## X-Request-Id values\n\n";
  if (ids.empty()) {
    out += "No response carried an X-Request-Id in this run.\n\n";
    return;
  }
  out += "| X-Request-Id | Check | Environment | Evidence |\n|---|---|---|---|\n";
  for (const auto& r : ids) {
    out += fmt::format("| {} | {} | {} | {} |\n", code(r.request_id), code(r.check_id),
                       md(r.environment), md(r.label));
  }
  out += "\n";
}

void commitments(const RunReport& rep, std::string& out) {
  out += "## Attestations and waivers\n\n";
  if (rep.commitments.empty()) {
    out += "None in this profile.\n\n";
    return;
  }
  out += "| Kind | Id | Owner | Expires | State | Note |\n|---|---|---|---|---|---|\n";
  for (const auto& c : rep.commitments) {
    std::string state = c.expired ? "**expired**"
                                  : fmt::format("{} days left{}", c.days_left,
                                                c.past_half_life ? ", past half its life" : "");
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", md(c.kind), code(c.id), md(c.owner),
                       md(c.expires), state, md(c.note));
  }
  out += "\n";
}

}  // namespace

void write_markdown(const RunReport& rep, std::ostream& os) {
  std::string out;
  out += fmt::format("# Go-live readiness: {} — {}\n\n", to_string(rep.verdict),
                     md(rep.profile_name.empty() ? rep.environment : rep.profile_name));
  metadata(rep, out);
  reasons(rep, out);
  baseline(rep, out);
  checklist(rep, out);
  findings(rep, out);
  request_ids(rep, out);
  commitments(rep, out);
  out += fmt::format("---\nGenerated by {} {} for run {}. Secrets are redacted (shown as ***).\n",
                     md(rep.tool), md(rep.tool_version), code(rep.run_id));
  os << redact(out);
}

}  // namespace golive::report
