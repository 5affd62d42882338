#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/secret.hpp"
#include "report/report.hpp"
#include "report/report_util.hpp"

namespace golive::report {

namespace {
using ojson = nlohmann::ordered_json;

std::string R(const std::string& s) {
  return detail::safe(s);
}

ojson baseline_json(const BaselineDiff& b) {
  auto list = [](const std::vector<BaselineEntry>& v) {
    ojson a = ojson::array();
    for (const auto& e : v) {
      a.push_back({{"id", e.check_id},
                   {"environment", R(e.environment)},
                   {"status", e.status},
                   {"previous_status", e.previous_status},
                   {"summary", R(e.summary)}});
    }
    return a;
  };
  return {{"source", R(b.source)},
          {"previous_run_id", R(b.previous_run_id)},
          {"new_failures", list(b.new_failures)},
          {"fixed", list(b.fixed)},
          {"unchanged", list(b.unchanged)},
          {"not_run", list(b.not_run)}};
}

ojson evidence_json(const Evidence& e) {
  ojson j;
  j["label"] = R(e.label);
  j["expected"] = R(e.expected);
  j["observed"] = R(e.observed);
  if (!e.method.empty()) {
    j["request"] = {{"method", e.method}, {"url", R(e.url)}};
  }
  if (e.status) j["status"] = e.status;
  if (!e.request_id.empty()) j["request_id"] = R(e.request_id);
  if (e.latency_ms) j["latency_ms"] = *e.latency_ms;
  return j;
}

ojson row_json(const ResultRow& row) {
  const auto& r = row.result;
  ojson j;
  j["id"] = r.id;
  j["title"] = row.info.title;
  j["status"] = std::string(to_string(r.status));
  j["waived"] = row.waived;
  if (row.waived) j["waiver"] = R(row.waiver_note);
  j["blocking"] = row.info.blocking;
  j["side_effect"] = std::string(to_string(row.info.side_effect));
  j["environment"] = R(r.environment);
  j["summary"] = R(r.summary);
  if (!r.fix.empty()) j["fix"] = R(r.fix);
  j["checklist_items"] = row.info.checklist_items;
  j["duration_ms"] = r.duration.count();
  j["configured_at"] = {{"file", R(row.configured_at.file)}, {"line", row.configured_at.line}};
  ojson ev = ojson::array();
  for (const auto& e : r.evidence) ev.push_back(evidence_json(e));
  j["evidence"] = ev;
  return j;
}
}  // namespace

void write_json(const RunReport& rep, std::ostream& out) {
  ojson j;
  j["schema_version"] = 1;
  j["tool"] = {{"name", rep.tool}, {"version", rep.tool_version}};
  j["run_id"] = R(rep.run_id);
  j["started_at"] = rep.started_at;
  j["finished_at"] = rep.finished_at;
  j["duration_ms"] = rep.duration_ms;
  j["profile"] = {
      {"name", rep.profile_name}, {"path", R(rep.profile_path)}, {"sha256", rep.profile_sha256}};
  j["environment"] = {{"name", R(rep.environment)},
                      {"kind", std::string(to_string(rep.kind))},
                      {"provider", rep.provider},
                      {"base_url", R(rep.base_url)}};
  j["verdict"] = {{"verdict", std::string(to_string(rep.verdict))},
                  {"exit_code", rep.exit_code},
                  {"reasons", ojson::array()},
                  {"notes", ojson::array()}};
  for (const auto& s : rep.reasons) j["verdict"]["reasons"].push_back(R(s));
  for (const auto& s : rep.notes) j["verdict"]["notes"].push_back(R(s));
  ojson items = ojson::array();
  for (const auto& it : rep.items) {
    items.push_back({{"section", it.section_number},
                     {"section_title", it.section_title},
                     {"id", it.item.id},
                     {"text", it.item.text},
                     {"doc", it.item.doc},
                     {"state", std::string(to_string(it.state))},
                     {"detail", R(it.detail)},
                     {"checks", it.checks_run},
                     {"planned_checks", it.checks_planned}});
  }
  ojson counts = ojson::object();
  for (const auto state : kItemStates) {
    counts[std::string(to_string(state))] = std::count_if(
        rep.items.begin(), rep.items.end(), [&](const ItemResult& i) { return i.state == state; });
  }
  j["checklist"] = {{"title", rep.checklist_title},
                    {"source", rep.checklist_source},
                    {"items", items},
                    {"counts", counts}};
  ojson checks = ojson::array();
  for (const auto& row : rep.rows) checks.push_back(row_json(row));
  j["checks"] = checks;
  ojson commitments = ojson::array();
  for (const auto& c : rep.commitments) {
    commitments.push_back({{"kind", c.kind},
                           {"id", c.id},
                           {"owner", R(c.owner)},
                           {"expires", c.expires},
                           {"days_left", c.days_left},
                           {"expired", c.expired},
                           {"past_half_life", c.past_half_life},
                           {"note", R(c.note)},
                           {"configured_at", {{"file", R(c.loc.file)}, {"line", c.loc.line}}}});
  }
  j["commitments"] = commitments;
  if (rep.baseline) j["baseline"] = baseline_json(*rep.baseline);
  out << redact(j.dump(2, ' ', false, ojson::error_handler_t::replace)) << '\n';
}

}  // namespace golive::report
