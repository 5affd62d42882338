// The built-in packs are consistent with the code: every check maps to checklist items that
// exist, every checklist section is present, and the provider pack names the documented hosts.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "engine/checklist.hpp"
#include "engine/provider.hpp"
#include "engine/registry.hpp"
#include "resources/resources.hpp"

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

TEST_CASE("config: every prerequisite of a built-in check is a built-in check", "[config]") {
  const auto& reg = builtin_registry();
  for (const auto& e : reg.entries()) {
    INFO(e.info.id);
    for (const auto& id : e.info.prerequisites) {
      CHECK(reg.find(id) != nullptr);
      CHECK(id != e.info.id);
    }
  }
}

TEST_CASE("config: checklist items about the partner's client name their client grades",
          "[config]") {
  auto c = load_checklist("bluum");
  std::map<std::string, std::vector<std::string>> grades;
  for (const auto& s : c.sections)
    for (const auto& i : s.items) grades[i.id] = i.client_grades;
  CHECK(grades.at("idempotency.deposits") == std::vector<std::string>{"client.idempotency-keys"});
  CHECK(grades.at("idempotency.withdrawals") ==
        std::vector<std::string>{"client.idempotency-keys"});
  CHECK(grades.at("webhooks.signatures").empty());
  CHECK(grades.at("smoke.read-only").empty());
}

TEST_CASE("checklist: client_grades marks grades explicitly and must name the item's checks",
          "[config]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("golive-checklist-" + std::to_string(::getpid()));
  fs::create_directories(dir / "checklists");
  auto write = [&](const std::string& name, const std::string& grades) {
    std::ofstream(dir / "checklists" / (name + ".yaml"))
        << "provider: x\nsections:\n  - id: s\n    title: S\n    items:\n"
           "      - id: i.one\n        text: one\n        checks: [api.a, partner.b]\n"
        << grades;
  };
  write("x", "        client_grades: [partner.b]\n");
  write("y", "        client_grades: [partner.c]\n");
  resources::set_packs_dir(dir.string());
  auto c = load_checklist("x");
  CHECK(c.sections.at(0).items.at(0).client_grades == std::vector<std::string>{"partner.b"});
  CHECK_THROWS_WITH(load_checklist("y"),
                    Catch::Contains("client_grades names 'partner.c', which is not in checks"));
  resources::set_packs_dir("");
  fs::remove_all(dir);
}
