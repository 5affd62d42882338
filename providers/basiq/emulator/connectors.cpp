/// GET /connectors: the sandbox catalogue with stage and status (seed-apis.md §3.7).
#include "providers/basiq/emulator/internal.hpp"

namespace golive::basiq::emulator::detail {

namespace {

struct Entry {
  const char* id;
  const char* name;
  const char* method;
  const char* status;
  const char* outage_status;  ///< under the connector-outage fault
};

/// Basiq's sandbox banks (Hooli; Pied Piper and Nucleus ask for MFA).
constexpr Entry kCatalogue[] = {
    {"AU00000", "Hooli", "web", "operational", "major-outage"},
    {"AU00001", "Pied Piper Bank", "web", "operational", "partial-outage"},
    {"AU00002", "Nucleus Bank", "web", "degraded-performance", "degraded-performance"},
    {"AU00003", "Hooli Open Banking", "open-banking", "under-maintenance", "under-maintenance"},
};

}  // namespace

json connectors_json(bool fault_outage) {
  json data = json::array();
  for (const auto& c : kCatalogue) {
    data.push_back(
        {{"type", "connector"},
         {"id", c.id},
         {"method", c.method},
         {"stage", "live"},
         {"status", fault_outage ? c.outage_status : c.status},
         {"scopes", json::array({"ACCOUNTS", "TRANSACTIONS"})},
         {"institution",
          {{"name", c.name}, {"tier", "4"}, {"type", "Test Bank"}, {"country", "Australia"}}}});
  }
  return {{"type", "list"}, {"data", data}};
}

bool known_institution(const std::string& institution_id) {
  for (const auto& c : kCatalogue) {
    if (institution_id == c.id) return true;
  }
  return false;
}

void add_connector_routes(Router& router) {
  RouteFlags list;
  list.list = true;
  router.add("GET", "/connectors", list, [](Call& c) {
    return Reply{200, connectors_json(c.has_fault("connector-outage"))};
  });
}

}  // namespace golive::basiq::emulator::detail
