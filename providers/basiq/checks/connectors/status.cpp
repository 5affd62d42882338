#include "providers/basiq/checks/connectors/status.hpp"

#include <fmt/format.h>

#include <set>

#include "providers/basiq/checks/basiq_list.hpp"

namespace golive::checks {

namespace {

constexpr const char* kPath = "/connectors";

bool is_outage(const std::string& status) {
  return status == "major-outage" || status == "partial-outage";
}

/// "AU00001 Pied Piper Bank (web)".
std::string connector_name(const nlohmann::json& c) {
  std::string name = basiq::string_at(c, "id");
  if (auto inst = c.find("institution"); inst != c.end() && inst->is_object()) {
    const auto n = basiq::string_at(*inst, "name");
    if (!n.empty()) name += " " + n;
  }
  const auto method = basiq::string_at(c, "method");
  return method.empty() ? name : fmt::format("{} ({})", name, method);
}

}  // namespace

CheckInfo ConnectorsStatus::describe() {
  CheckInfo i;
  i.id = "connectors.status";
  i.title = "Connectors answer, and the offered institutions are not in an outage";
  i.checklist_items = {"support.connectors"};
  i.side_effect = SideEffect::read_only;
  i.blocking = false;
  i.what =
      "GET /connectors answers 200 and a list; connectors of the institutions the profile "
      "lists (option institutions) in major-outage or partial-outage are warnings with their "
      "status.";
  i.why =
      "Basiq asks partners to read /connectors for the current stage and status of each "
      "connector: an outage of an offered bank means its users' jobs will fail with "
      "service-unavailable until it ends.";
  i.how_to_fix =
      "Show the outage to the affected users and hold refreshes of those connections until the "
      "status is operational again; subscribe to status.basiq.io for ongoing outages.";
  i.doc = "providers/basiq/checks/connectors/status.md";
  i.providers = {"basiq"};
  return i;
}

ConnectorsStatus::ConnectorsStatus(CheckOptions& options)
    : institutions_(options.get_string_list("institutions", {})) {
  for (const auto& id : institutions_) {
    if (id.empty()) options.error("institutions", "institution ids must not be empty");
  }
}

std::vector<PlannedRequest> ConnectorsStatus::planned_requests(const Target& target) const {
  return {api::planned_get(target, kPath, "reads the stage and status of every connector")};
}

CheckResult ConnectorsStatus::run(CheckContext& ctx) {
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  const std::string label = std::string("GET ") + kPath;
  const std::string expected = "200 and a list of connectors";
  auto list = basiq::get_list(ctx, kPath, expected);
  if (list.failed) return *list.failed;
  const auto& x = list.exchange;
  const auto* items = list.items;
  CheckResult r;
  const std::set<std::string> wanted(institutions_.begin(), institutions_.end());
  std::set<std::string> seen;
  std::vector<std::string> outages, watched_outages;
  for (const auto& c : *items) {
    if (!c.is_object()) continue;
    const auto id = basiq::string_at(c, "id");
    const auto status = basiq::string_at(c, "status");
    if (wanted.count(id) != 0) seen.insert(id);
    if (!is_outage(status)) continue;
    const auto line = fmt::format("{}: {}", connector_name(c), status);
    outages.push_back(line);
    if (wanted.count(id) != 0) watched_outages.push_back(line);
  }
  std::vector<std::string> unknown;
  for (const auto& id : institutions_) {
    if (seen.count(id) == 0) unknown.push_back(id);
  }
  r.evidence = api::exchange_evidence(
      x, label, expected,
      fmt::format("200, {} connectors, {} in an outage{}", items->size(), outages.size(),
                  outages.empty() ? "" : " (" + fmt::format("{}", fmt::join(outages, "; ")) + ")"));
  if (!watched_outages.empty() || !unknown.empty()) {
    r.status = Status::warn;
    std::vector<std::string> parts;
    if (!watched_outages.empty()) {
      parts.push_back("offered institutions in an outage: " +
                      fmt::format("{}", fmt::join(watched_outages, "; ")));
    }
    if (!unknown.empty()) {
      parts.push_back("no connector for " + fmt::format("{}", fmt::join(unknown, ", ")));
    }
    r.summary = fmt::format("{}", fmt::join(parts, "; "));
    r.fix = unknown.empty() ? describe().how_to_fix
                            : "check the institution ids of checks.connectors.status.institutions "
                              "against GET /connectors";
    return r;
  }
  r.status = Status::pass;
  r.summary = institutions_.empty()
                  ? fmt::format(
                        "{} connectors listed, {} in an outage (no institutions configured "
                        "to watch)",
                        items->size(), outages.size())
                  : fmt::format(
                        "{} offered institution(s) have no connector in an outage ({} "
                        "connectors listed)",
                        institutions_.size(), items->size());
  return r;
}

}  // namespace golive::checks
