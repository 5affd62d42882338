// JUnit XML valid against the Jenkins JUnit XSD (peers.md §4.4): one <testsuite> per
// environment, one <testcase> per check, plus one failing <testcase> per expired attestation or
// waiver so that every reason for exit 1 is visible to a JUnit consumer, and one skipped
// <testcase> per partial checklist item (classname golive.checklist).
#include <fmt/format.h>

#include <algorithm>

#include "report/report.hpp"
#include "report/report_util.hpp"

namespace golive::report {

namespace {
using detail::safe;

std::string attr(std::string_view s) {
  return detail::xml_escape(safe(s), true);
}
std::string text(std::string_view s) {
  return detail::xml_escape(safe(s), false);
}

std::string seconds(long long ms) {
  return fmt::format("{:.3f}", static_cast<double>(ms) / 1000.0);
}

/// The body of <failure>/<error>/<system-out>: summary, location, evidence, fix.
std::string details(const RunReport& rep, const ResultRow& row) {
  const auto& r = row.result;
  auto loc = detail::location_of(rep, row);
  std::string out = r.summary + "\n";
  out += fmt::format("configured at {}:{}\n", loc.file, loc.line);
  for (const auto& e : r.evidence) out += "- " + detail::evidence_line(e) + "\n";
  if (!r.fix.empty()) out += "fix: " + r.fix + "\n";
  switch (detail::baseline_mark(rep, row)) {
    case detail::BaselineMark::new_failure:
      out += "baseline: new failure\n";
      break;
    case detail::BaselineMark::unchanged:
      out += "baseline: known failure, unchanged since the baseline (does not gate)\n";
      break;
    case detail::BaselineMark::none:
      break;
  }
  return out;
}

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  long long ms = 0;
};

void testcase(const RunReport& rep, const ResultRow& row, Counts& c, std::string& out) {
  const auto& r = row.result;
  ++c.tests;
  c.ms += r.duration.count();
  out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"{}\">\n",
                     attr(r.id + " " + row.info.title), attr("golive." + detail::check_group(r.id)),
                     seconds(r.duration.count()));
  // Children in XSD order: skipped?, error*, failure*, system-out*.
  if (row.waived) {
    ++c.skipped;
    out += fmt::format("      <skipped>{}</skipped>\n", text("waived: " + row.waiver_note));
  } else if (r.status == Status::skip) {
    ++c.skipped;
    out += fmt::format("      <skipped>{}</skipped>\n", text(r.summary));
  } else if (r.status == Status::inconclusive) {
    ++c.errors;
    out += fmt::format("      <error message=\"{}\" type=\"inconclusive\">{}</error>\n",
                       attr(r.summary), text(details(rep, row)));
  } else if (r.status == Status::fail) {
    ++c.failures;
    bool known = detail::baseline_mark(rep, row) == detail::BaselineMark::unchanged;
    out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(r.summary),
                       known ? "fail (known, in baseline)" : "fail", text(details(rep, row)));
  }
  std::string log = r.status == Status::warn ? "warning: " + details(rep, row) : details(rep, row);
  out += fmt::format("      <system-out>{}</system-out>\n", text(log));
  out += "    </testcase>\n";
}

void commitment_case(const Commitment& cm, Counts& c, std::string& out) {
  ++c.tests;
  ++c.failures;
  auto loc = detail::relative_path(cm.loc.file);
  std::string body = fmt::format(
      "{}\nconfigured at {}:{}\nfix: renew it (new expiry date) or "
      "remove it and prove the item another way\n",
      cm.note, loc, cm.loc.line < 1 ? 1 : cm.loc.line);
  out += fmt::format("    <testcase name=\"{}\" classname=\"golive.{}\" time=\"0.000\">\n",
                     attr(cm.kind + " " + cm.id), attr(cm.kind));
  out +=
      fmt::format("      <failure message=\"{}\" type=\"expired\">{}</failure>\n",
                  attr(fmt::format("{} {} expired on {}", cm.kind, cm.id, cm.expires)), text(body));
  out += "    </testcase>\n";
}

/// A checklist item that is partial (the API side proven, the client not graded) as a skipped
/// testcase: neither a pass nor a failure, and visible to a JUnit consumer.
void partial_item_case(const ItemResult& it, Counts& c, std::string& out) {
  ++c.tests;
  ++c.skipped;
  out += fmt::format("    <testcase name=\"{}\" classname=\"golive.checklist\" time=\"0.000\">\n",
                     attr(it.item.id + " " + it.item.text));
  out += fmt::format("      <skipped>{}</skipped>\n", text("partial: " + it.detail));
  out += "    </testcase>\n";
}

void property(std::string_view name, std::string_view value, std::string& out) {
  out += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", attr(name), attr(value));
}

void properties(const RunReport& rep, std::string& out) {
  out += "    <properties>\n";
  property("tool", rep.tool, out);
  property("tool_version", rep.tool_version, out);
  property("run_id", rep.run_id, out);
  property("profile", detail::relative_path(rep.profile_path), out);
  property("profile_sha256", rep.profile_sha256, out);
  property("provider", rep.provider, out);
  property("environment_kind", std::string(to_string(rep.kind)), out);
  property("base_url", rep.base_url, out);
  property("verdict", std::string(to_string(rep.verdict)), out);
  property("exit_code", std::to_string(rep.exit_code), out);
  property("checklist", detail::item_counts(rep), out);
  property("started_at", rep.started_at, out);
  property("finished_at", rep.finished_at, out);
  if (rep.baseline) {
    auto ids = [](const std::vector<BaselineEntry>& v) {
      std::vector<std::string> out_ids;
      for (const auto& e : v) out_ids.push_back(e.check_id + "@" + e.environment);
      return fmt::format("{}", fmt::join(out_ids, ","));
    };
    property("baseline", rep.baseline->source, out);
    property("baseline_run_id", rep.baseline->previous_run_id, out);
    property("baseline_new_failures", ids(rep.baseline->new_failures), out);
    property("baseline_fixed", ids(rep.baseline->fixed), out);
    property("baseline_unchanged", ids(rep.baseline->unchanged), out);
  }
  out += "    </properties>\n";
}

}  // namespace

void write_junit(const RunReport& rep, std::ostream& os) {
  // Environments in order of first appearance; the report's own environment always has a suite.
  std::vector<std::string> envs{rep.environment};
  for (const auto& row : rep.rows) {
    if (std::find(envs.begin(), envs.end(), row.result.environment) == envs.end()) {
      envs.push_back(row.result.environment);
    }
  }
  Counts total;
  std::string suites;
  for (const auto& env : envs) {
    Counts c;
    std::string cases;
    for (const auto& row : rep.rows) {
      if (row.result.environment == env) testcase(rep, row, c, cases);
    }
    if (env == rep.environment) {
      for (const auto& it : rep.items) {
        if (it.state == ItemState::partial) partial_item_case(it, c, cases);
      }
      for (const auto& cm : rep.commitments) {
        if (cm.expired) commitment_case(cm, c, cases);
      }
    }
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" "
        "time=\"{}\" timestamp=\"{}\" package=\"golive\">\n",
        attr(env), c.tests, c.failures, c.errors, c.skipped, seconds(c.ms), attr(rep.started_at));
    properties(rep, suites);
    suites += cases;
    suites += "  </testsuite>\n";
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.ms += c.ms;
  }
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << fmt::format(
      "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{}\">\n",
      attr(rep.tool), total.tests, total.failures, total.errors, seconds(rep.duration_ms));
  os << suites << "</testsuites>\n";
}

}  // namespace golive::report
