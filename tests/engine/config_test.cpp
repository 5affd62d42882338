// The built-in packs are consistent with the code: every check maps to checklist items that
// exist, every checklist section is present, and the provider pack names the documented hosts.
#include <catch2/catch.hpp>

#include "engine/checklist.hpp"
#include "engine/provider.hpp"
#include "engine/registry.hpp"

using namespace golive;

TEST_CASE("config: the bluum checklist has the documented sections in order", "[config]") {
  auto c = load_checklist("bluum");
  std::vector<std::string> ids;
  for (const auto& s : c.sections) ids.push_back(s.id);
  REQUIRE(ids == std::vector<std::string>{"lifecycle", "idempotency", "errors", "webhooks",
                                          "credentials", "compliance", "cutover", "smoke",
                                          "rotation", "observability"});
}

TEST_CASE("config: every built-in check proves checklist items that exist", "[config]") {
  auto c = load_checklist("bluum");
  std::vector<std::string> item_ids;
  for (const auto& s : c.sections)
    for (const auto& i : s.items) item_ids.push_back(i.id);
  for (const auto& e : builtin_registry().entries()) {
    INFO(e.info.id);
    REQUIRE_FALSE(e.info.checklist_items.empty());
    for (const auto& item : e.info.checklist_items) {
      REQUIRE(std::find(item_ids.begin(), item_ids.end(), item) != item_ids.end());
      auto named = c.items_for_check(e.info.id);
      REQUIRE(std::find(named.begin(), named.end(), item) != named.end());
    }
    REQUIRE_FALSE(e.info.what.empty());
    REQUIRE_FALSE(e.info.how_to_fix.empty());
  }
}

TEST_CASE("config: the bluum provider pack knows current and legacy hosts", "[config]") {
  auto p = load_provider("bluum");
  REQUIRE(p.kind_of_host("api.bluumfinance.com") == EnvKind::production);
  REQUIRE(p.kind_of_host("sandbox.api.bluumfinance.com") == EnvKind::sandbox);
  REQUIRE(p.is_legacy_host("service.bluumfinance.com"));
  REQUIRE(p.is_production_host("api.bluum.finance"));
  REQUIRE_FALSE(p.kind_of_host("example.com").has_value());
  REQUIRE(p.rate_limit_per_s.at(EnvKind::production) == 25);
}
