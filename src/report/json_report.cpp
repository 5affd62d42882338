#include <nlohmann/json.hpp>

#include "core/secret.hpp"
#include "report/report.hpp"

namespace golive::report {

namespace {
using ojson = nlohmann::ordered_json;

std::string R(const std::string& s) { return redact(s); }

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
  j["environment"] = r.environment;
  j["summary"] = R(r.summary);
  if (!r.fix.empty()) j["fix"] = R(r.fix);
  j["checklist_items"] = row.info.checklist_items;
  j["duration_ms"] = r.duration.count();
  j["configured_at"] = {{"file", row.configured_at.file}, {"line", row.configured_at.line}};
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
  j["run_id"] = rep.run_id;
  j["started_at"] = rep.started_at;
  j["finished_at"] = rep.finished_at;
  j["duration_ms"] = rep.duration_ms;
  j["profile"] = {{"name", rep.profile_name},
                  {"path", rep.profile_path},
                  {"sha256", rep.profile_sha256}};
  j["environment"] = {{"name", rep.environment},
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
  j["checklist"] = {{"title", rep.checklist_title}, {"source", rep.checklist_source},
                    {"items", items}};
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
                           {"note", R(c.note)}});
  }
  j["commitments"] = commitments;
  out << redact(j.dump(2)) << '\n';
}

}  // namespace golive::report
