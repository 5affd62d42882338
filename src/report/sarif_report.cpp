// SARIF 2.1.0 (peers.md §4.5), shaped for GitHub code scanning: one rule per check id, results
// located at the profile line that configures the check, stable partialFingerprints.
//
// Decisions (docs/ci-gate.md):
// - level: blocking fail → error; advisory fail, warn, inconclusive → warning. A waived result
//   keeps its level and carries an external suppression whose justification is the waiver.
// - pass and skip produce no result, so code scanning closes an alert when its check passes.
// - an expired attestation or waiver is a result of the rule "commitment.expired" located at
//   its profile line, since it fails the run (exit 1).
// - a partial checklist item (API side proven, client not graded) is a `note` of the rule
//   "checklist.partial" at the profile's first line: visible, never an error.
// - automationDetails.id is "golive/<environment>/<run id>": GitHub takes everything up to the
//   last '/' as the category, so each environment keeps its own alerts.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#include "report/report.hpp"
#include "report/report_util.hpp"

namespace golive::report {

namespace {
using ojson = nlohmann::ordered_json;
using detail::safe;

constexpr std::string_view kExpiredRule = "commitment.expired";
constexpr std::string_view kPartialRule = "checklist.partial";

/// A relative URI reference for a file path: unreserved characters and '/' kept, the rest
/// percent-encoded.
std::string path_uri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

ojson location(const std::string& file, int line) {
  return ojson::array({{{"physicalLocation",
                         {{"artifactLocation", {{"uri", path_uri(safe(file))}}},
                          {"region", {{"startLine", line < 1 ? 1 : line}}}}}}});
}

ojson text(std::string_view s) {
  return {{"text", safe(s)}};
}

ojson rule_json(const CheckInfo& info) {
  ojson tags =
      ojson::array({"golive", detail::check_group(info.id), info.blocking ? "blocking" : "advisory",
                    std::string(to_string(info.side_effect))});
  std::string help = info.how_to_fix.empty() ? info.title : info.how_to_fix;
  if (!info.why.empty()) help += "\n\nWhy: " + info.why;
  ojson props = {{"tags", tags}, {"checklist_items", info.checklist_items}};
  if (!info.doc.empty()) props["doc"] = info.doc;
  return {{"id", info.id},
          {"shortDescription", text(info.title)},
          {"fullDescription", text(info.what.empty() ? info.title : info.what)},
          {"help", text(help)},
          {"defaultConfiguration", {{"level", info.blocking ? "error" : "warning"}}},
          {"properties", props}};
}

std::string level(const ResultRow& row) {
  if (row.result.status == Status::fail && row.info.blocking) return "error";
  return "warning";
}

ojson result_json(const RunReport& rep, const ResultRow& row, size_t rule_index) {
  const auto& r = row.result;
  std::string message = r.summary;
  for (const auto& e : r.evidence) {
    if (!e.request_id.empty()) message += " (X-Request-Id " + e.request_id + ")";
  }
  if (!r.fix.empty()) message += " Fix: " + r.fix;
  auto loc = detail::location_of(rep, row);
  ojson j = {{"ruleId", r.id},
             {"ruleIndex", rule_index},
             {"level", level(row)},
             {"message", text(message)},
             {"locations", location(loc.file, loc.line)},
             {"partialFingerprints", {{"goliveCheck/v1", r.id + ":" + r.environment}}}};
  switch (detail::baseline_mark(rep, row)) {
    case detail::BaselineMark::new_failure:
      j["baselineState"] = "new";
      break;
    case detail::BaselineMark::unchanged:
      j["baselineState"] = "unchanged";
      break;
    case detail::BaselineMark::none:
      break;
  }
  if (row.waived) {
    j["suppressions"] = ojson::array(
        {{{"kind", "external"}, {"status", "accepted"}, {"justification", safe(row.waiver_note)}}});
  }
  j["properties"] = {{"environment", safe(r.environment)},
                     {"status", std::string(to_string(r.status))},
                     {"waived", row.waived}};
  return j;
}

ojson expired_json(const RunReport& rep, const Commitment& c, size_t rule_index) {
  auto file = detail::relative_path(c.loc.file.empty() ? rep.profile_path : c.loc.file);
  return {{"ruleId", kExpiredRule},
          {"ruleIndex", rule_index},
          {"level", "error"},
          {"message", text(fmt::format("{} {} expired on {} ({}). Fix: renew it with a new "
                                       "expiry date, or remove it and prove the item another way.",
                                       c.kind, c.id, c.expires, c.note))},
          {"locations", location(file, c.loc.line)},
          {"partialFingerprints",
           {{"goliveCheck/v1",
             fmt::format("{}:{}:{}:{}", kExpiredRule, c.kind, c.id, rep.environment)}}}};
}

ojson partial_json(const RunReport& rep, const ItemResult& it, size_t rule_index) {
  return {
      {"ruleId", kPartialRule},
      {"ruleIndex", rule_index},
      {"level", "note"},
      {"message", text(fmt::format("Checklist item {} ({}) is partial: {}", it.item.id,
                                   it.item.text, it.detail))},
      {"locations", location(detail::relative_path(rep.profile_path), 1)},
      {"partialFingerprints",
       {{"goliveCheck/v1", fmt::format("{}:{}:{}", kPartialRule, it.item.id, rep.environment)}}}};
}

ojson baseline_json(const BaselineDiff& b) {
  auto ids = [](const std::vector<BaselineEntry>& v) {
    ojson a = ojson::array();
    for (const auto& e : v) a.push_back(e.check_id + ":" + e.environment);
    return a;
  };
  return {{"source", safe(b.source)},
          {"previous_run_id", safe(b.previous_run_id)},
          {"new_failures", ids(b.new_failures)},
          {"fixed", ids(b.fixed)},
          {"unchanged", ids(b.unchanged)},
          {"not_run", ids(b.not_run)}};
}

}  // namespace

void write_sarif(const RunReport& rep, std::ostream& os) {
  ojson rules = ojson::array();
  std::map<std::string, size_t> index;
  for (const auto& row : rep.rows) {
    if (index.emplace(row.info.id, rules.size()).second) rules.push_back(rule_json(row.info));
  }
  ojson results = ojson::array();
  for (const auto& row : rep.rows) {
    auto s = row.result.status;
    if (s == Status::pass || s == Status::skip) continue;
    results.push_back(result_json(rep, row, index.at(row.info.id)));
  }
  bool any_expired = false;
  for (const auto& c : rep.commitments) any_expired = any_expired || c.expired;
  if (any_expired) {
    CheckInfo expired{std::string(kExpiredRule),
                      "Attestations and waivers are in date",
                      {},
                      SideEffect::static_only,
                      true,
                      {},
                      "Every attestation and waiver in the profile is before its expiry date.",
                      "An expired attestation or waiver fails the run (SPEC §4.4).",
                      "Renew it with a new expiry date, or remove it.",
                      "",
                      {},
                      {}};
    index.emplace(expired.id, rules.size());
    rules.push_back(rule_json(expired));
    for (const auto& c : rep.commitments) {
      if (c.expired) results.push_back(expired_json(rep, c, index.at(expired.id)));
    }
  }
  bool any_partial = false;
  for (const auto& it : rep.items) any_partial = any_partial || it.state == ItemState::partial;
  if (any_partial) {
    CheckInfo partial{std::string(kPartialRule),
                      "Checklist items about the partner's code have a client grade",
                      {},
                      SideEffect::static_only,
                      false,
                      {},
                      "An item about the partner's own code (for example every deposit sends an "
                      "Idempotency-Key) is verified only by a client grade; the API side alone "
                      "leaves it partial.",
                      "The tool's own requests prove the API, not the partner's client.",
                      "Run `bluum-golive audit` with the integration's tests and pass the "
                      "recording with `check --audit FILE`.",
                      ""};
    index.emplace(partial.id, rules.size());
    rules.push_back(rule_json(partial));
    for (const auto& it : rep.items) {
      if (it.state == ItemState::partial) {
        results.push_back(partial_json(rep, it, index.at(partial.id)));
      }
    }
  }

  ojson driver = {{"name", rep.tool}, {"version", rep.tool_version}};
  if (!rep.tool_version.empty()) driver["semanticVersion"] = rep.tool_version;
  driver["rules"] = rules;
  ojson invocation = {{"executionSuccessful", true}, {"exitCode", rep.exit_code}};
  if (!rep.started_at.empty()) invocation["startTimeUtc"] = rep.started_at;
  if (!rep.finished_at.empty()) invocation["endTimeUtc"] = rep.finished_at;
  ojson props = {{"run_id", safe(rep.run_id)},
                 {"verdict", std::string(to_string(rep.verdict))},
                 {"exit_code", rep.exit_code},
                 {"profile", safe(detail::relative_path(rep.profile_path))},
                 {"profile_sha256", rep.profile_sha256},
                 {"environment", safe(rep.environment)},
                 {"environment_kind", std::string(to_string(rep.kind))},
                 {"provider", safe(rep.provider)},
                 {"checklist", detail::item_counts(rep)}};
  if (rep.baseline) props["baseline"] = baseline_json(*rep.baseline);

  ojson run = {{"tool", {{"driver", driver}}},
               {"automationDetails",
                {{"id", safe(fmt::format("golive/{}/{}", rep.environment, rep.run_id))}}},
               {"invocations", ojson::array({invocation})},
               {"results", results},
               {"properties", props}};
  ojson doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", ojson::array({run})}};
  os << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

}  // namespace golive::report
