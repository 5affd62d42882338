#include "report/baseline.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/diagnostic.hpp"
#include "core/file.hpp"
#include "report/report_util.hpp"

namespace golive::report {

namespace {

using Key = std::pair<std::string, std::string>;  // (check id, environment)

struct Previous {
  std::string state;  ///< "fail", "pass", "waived", ...
  std::string summary;
  bool failing = false;
};

[[noreturn]] void bad(const std::string& source, const std::string& what) {
  throw ConfigError(SourceLoc{source.empty() ? "baseline" : source, 0, 0},
                    "baseline: " + what +
                        " (expected a JSON report written by "
                        "`bluum-golive check --format json`)");
}

bool is_string(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j.at(key).is_string();
}

/// The baseline's checks by key, in its order; throws ConfigError on a malformed report.
std::vector<std::pair<Key, Previous>> previous_checks(const nlohmann::json& prev,
                                                      const BaselineOptions& options) {
  const auto& src = options.source;
  if (!prev.is_object()) bad(src, "not a JSON object");
  if (!prev.contains("schema_version") || !prev.at("schema_version").is_number_integer()) {
    bad(src, "no schema_version");
  }
  if (prev.at("schema_version").get<int>() != 1) {
    bad(src, fmt::format("schema_version {} is not supported (this version reads 1)",
                         prev.at("schema_version").dump()));
  }
  if (!prev.contains("checks") || !prev.at("checks").is_array()) bad(src, "no checks array");
  std::vector<std::pair<Key, Previous>> out;
  size_t i = 0;
  for (const auto& c : prev.at("checks")) {
    if (!c.is_object() || !is_string(c, "id") || !is_string(c, "environment") ||
        !is_string(c, "status")) {
      bad(src, fmt::format("checks[{}] lacks id, environment or status", i));
    }
    if ((c.contains("waived") && !c.at("waived").is_boolean()) ||
        (c.contains("blocking") && !c.at("blocking").is_boolean()) ||
        (c.contains("summary") && !c.at("summary").is_string())) {
      bad(src, fmt::format("checks[{}] has a waived, blocking or summary of the wrong type", i));
    }
    bool waived = c.value("waived", false);
    bool blocking = c.value("blocking", true);
    auto status = c.at("status").get<std::string>();
    Previous p{waived ? "waived" : status, c.value("summary", ""),
               detail::gating(status, blocking, waived, options.strict)};
    out.emplace_back(Key{c.at("id").get<std::string>(), c.at("environment").get<std::string>()}, p);
    ++i;
  }
  return out;
}

std::string ids(const std::vector<BaselineEntry>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.check_id + " (" + e.environment + ")");
  return fmt::format("{}", fmt::join(out, ", "));
}

}  // namespace

nlohmann::json read_baseline(const std::string& path) {
  FileText file = read_regular_file(path, k_max_baseline_bytes);
  if (!file.ok()) bad(path, "cannot read the file: " + file.error);
  nlohmann::json j = nlohmann::json::parse(*file.text, nullptr, false);
  if (j.is_discarded()) bad(path, "not valid JSON");
  previous_checks(j, BaselineOptions{path, false});
  return j;
}

BaselineDiff diff_against_baseline(const RunReport& report, const nlohmann::json& previous,
                                   const BaselineOptions& options) {
  auto prev_list = previous_checks(previous, options);
  std::map<Key, Previous> prev;
  for (const auto& [k, p] : prev_list) prev.emplace(k, p);

  BaselineDiff diff;
  diff.source = options.source;
  if (previous.contains("run_id") && previous.at("run_id").is_string()) {
    diff.previous_run_id = previous.at("run_id").get<std::string>();
  }
  std::set<Key> seen;
  for (const auto& row : report.rows) {
    const auto& r = row.result;
    Key key{r.id, r.environment};
    if (!seen.insert(key).second) continue;
    bool now = detail::gating(to_string(r.status), row.info.blocking, row.waived, options.strict);
    auto it = prev.find(key);
    bool before = it != prev.end() && it->second.failing;
    BaselineEntry e{r.id, r.environment, detail::row_state(row),
                    it == prev.end() ? "absent" : it->second.state, r.summary};
    if (now && !before)
      diff.new_failures.push_back(std::move(e));
    else if (now && before)
      diff.unchanged.push_back(std::move(e));
    else if (!now && before)
      diff.fixed.push_back(std::move(e));
  }
  for (const auto& [k, p] : prev_list) {
    if (!p.failing || seen.count(k)) continue;
    seen.insert(k);
    diff.not_run.push_back({k.first, k.second, "absent", p.state, p.summary});
  }
  return diff;
}

void apply_baseline(RunReport& report, BaselineDiff diff, const VerdictOptions& options) {
  // decide() ignores waived rows, so a copy whose known failures are marked waived yields the
  // verdict of "new failures and commitments only" with decide()'s exact rules.
  RunReport gate = report;
  gate.reasons.clear();
  gate.notes.clear();
  for (auto& row : gate.rows) {
    for (const auto& e : diff.unchanged) {
      if (row.result.id == e.check_id && row.result.environment == e.environment) row.waived = true;
    }
  }
  decide(gate, options);
  report.verdict = gate.verdict;
  report.exit_code = gate.exit_code;
  report.reasons = std::move(gate.reasons);
  report.notes = std::move(gate.notes);
  report.notes.push_back(
      fmt::format("baseline {}: {} new failure{}, {} fixed, {} unchanged{}", diff.source,
                  diff.new_failures.size(), diff.new_failures.size() == 1 ? "" : "s",
                  diff.fixed.size(), diff.unchanged.size(),
                  diff.not_run.empty() ? "" : fmt::format(", {} not run", diff.not_run.size())));
  if (!diff.new_failures.empty()) report.notes.push_back("new failures: " + ids(diff.new_failures));
  if (!diff.fixed.empty()) report.notes.push_back("fixed: " + ids(diff.fixed));
  if (!diff.unchanged.empty()) {
    report.notes.push_back("known failures, unchanged (do not gate): " + ids(diff.unchanged));
  }
  report.baseline = std::move(diff);
}

}  // namespace golive::report
