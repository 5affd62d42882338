#include <fmt/format.h>

#include <map>

#include "core/secret.hpp"
#include "report/report.hpp"
#include "report/report_util.hpp"

namespace golive::report {

namespace {

struct Palette {
  bool on;
  std::string wrap(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, s) : std::string(s);
  }
  std::string status(Status s) const {
    auto text = fmt::format("{:<12}", to_string(s));
    switch (s) {
      case Status::pass:
        return wrap("32", text);
      case Status::warn:
        return wrap("33", text);
      case Status::fail:
        return wrap("31;1", text);
      case Status::inconclusive:
        return wrap("35", text);
      case Status::skip:
        return wrap("2", text);
    }
    return text;
  }
  std::string item(ItemState s) const {
    auto text = fmt::format("[{}]", to_string(s));
    switch (s) {
      case ItemState::verified:
        return wrap("32", text);
      case ItemState::failed:
        return wrap("31;1", text);
      case ItemState::attested:
      case ItemState::waived:
        return wrap("36", text);
      case ItemState::inconclusive:
        return wrap("35", text);
      case ItemState::partial:
        return wrap("33", text);
      case ItemState::not_covered:
        return wrap("2", text);
    }
    return text;
  }
};

void write_row(const ResultRow& row, const Palette& p, std::string& out) {
  const auto& r = row.result;
  std::string status =
      row.waived ? p.wrap("36", fmt::format("{:<12}", "waived")) : p.status(r.status);
  out += fmt::format("      {} {:<34} {}\n", status, r.id, r.summary);
  if (row.waived) out += fmt::format("{:19}{}\n", "", row.waiver_note);
  bool detail =
      r.status == Status::fail || r.status == Status::warn || r.status == Status::inconclusive;
  if (!detail) return;
  for (const auto& e : r.evidence) {
    std::string line = e.label;
    if (!e.expected.empty()) line += ": expected " + e.expected;
    if (!e.observed.empty()) line += (e.expected.empty() ? ": " : ", observed ") + e.observed;
    if (!e.method.empty()) line += fmt::format(" [{} {}", e.method, e.url);
    if (e.status) line += fmt::format(" → {}", e.status);
    if (!e.request_id.empty()) line += " X-Request-Id " + e.request_id;
    if (e.latency_ms) line += fmt::format(" {:.0f} ms", *e.latency_ms);
    if (!e.method.empty()) line += "]";
    out += fmt::format("{:19}- {}\n", "", line);
  }
  if (!r.fix.empty()) out += fmt::format("{:19}fix: {}\n", "", r.fix);
}

}  // namespace

std::string verdict_line(const RunReport& rep) {
  return fmt::format("VERDICT: {} (exit {})", to_string(rep.verdict), rep.exit_code);
}

void write_text(const RunReport& rep, std::ostream& os, const Style& style) {
  Palette p{style.color};
  std::string out;
  if (style.quiet) {
    os << redact(verdict_line(rep)) << '\n';
    return;
  }
  out +=
      fmt::format("{} {} — {} (environment {}, {} kind, provider {})\n", rep.tool, rep.tool_version,
                  rep.profile_name, rep.environment, to_string(rep.kind), rep.provider);
  out += fmt::format("run {}  profile {} (sha256 {})\n", rep.run_id, rep.profile_path,
                     rep.profile_sha256.substr(0, 12));
  out += fmt::format("target {}\n", rep.base_url);
  out += fmt::format("checklist: {}\n", rep.checklist_title);

  std::map<std::string, const ResultRow*> by_id;
  for (const auto& row : rep.rows) by_id[row.result.id] = &row;
  std::map<std::string, bool> shown;
  int section = 0;
  for (const auto& it : rep.items) {
    if (it.section_number != section) {
      section = it.section_number;
      out += fmt::format("\n{}. {}\n", section, p.wrap("1", it.section_title));
    }
    out += fmt::format("   {} {}\n", p.item(it.state), it.item.text);
    if (!it.detail.empty()) out += fmt::format("      {}\n", it.detail);
    for (const auto& id : it.checks_run) {
      if (auto f = by_id.find(id); f != by_id.end() && !shown[id]) {
        write_row(*f->second, p, out);
        shown[id] = true;
      } else if (f != by_id.end()) {
        out +=
            fmt::format("      {:<12} {} (shown above)\n", to_string(f->second->result.status), id);
      }
    }
  }
  bool header = false;
  for (const auto& row : rep.rows) {
    if (shown[row.result.id]) continue;
    if (!header) out += fmt::format("\n{}\n", p.wrap("1", "Other checks"));
    header = true;
    write_row(row, p, out);
  }

  std::map<Status, int> counts;
  int waived = 0;
  for (const auto& row : rep.rows) row.waived ? ++waived : ++counts[row.result.status];
  out += fmt::format("\nChecks: {} pass, {} warn, {} fail, {} inconclusive, {} skip, {} waived\n",
                     counts[Status::pass], counts[Status::warn], counts[Status::fail],
                     counts[Status::inconclusive], counts[Status::skip], waived);
  out += "Items:  " + detail::item_counts(rep) + "\n";
  for (const auto& n : rep.notes) out += "Note:   " + n + "\n";
  for (const auto& reason : rep.reasons) out += "Reason: " + reason + "\n";
  std::string_view colour = rep.verdict == Verdict::ready ? "32;1" : "31;1";
  out += p.wrap(colour, verdict_line(rep)) + "\n";
  os << redact(out);
}

const std::vector<std::string>& formats() {
  static const std::vector<std::string> f{"text", "json", "junit", "sarif", "markdown"};
  return f;
}

void write(const std::string& format, const RunReport& report, std::ostream& out,
           const Style& style) {
  if (format == "text") return write_text(report, out, style);
  if (format == "json") return write_json(report, out);
  if (format == "junit") return write_junit(report, out);
  if (format == "sarif") return write_sarif(report, out);
  if (format == "markdown") return write_markdown(report, out);
  throw std::invalid_argument("unknown report format '" + format + "'");
}

}  // namespace golive::report
