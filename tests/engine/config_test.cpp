// Every shipped provider pack is consistent with the code: its checklist parses, every check the
// pack runs proves checklist items that exist, and the pack's facts read as documented.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "engine/packs.hpp"
#include "engine/registry.hpp"

using namespace golive;

TEST_CASE("config: the bluum checklist has the documented sections in order", "[config]") {
  const auto& c = provider_checklist("bluum");
  std::vector<std::string> ids;
  for (const auto& s : c.sections) ids.push_back(s.id);
  REQUIRE(ids == std::vector<std::string>{"lifecycle", "idempotency", "errors", "webhooks",
                                          "credentials", "compliance", "access", "cutover", "smoke",
                                          "watch", "rotation", "observability"});
}

TEST_CASE("config: every check a pack runs proves checklist items of that pack", "[config]") {
  REQUIRE_FALSE(pack_names().empty());
  for (const auto& name : pack_names()) {
    const auto& pack = provider_pack(name);
    const auto& c = provider_checklist(name);
    std::vector<std::string> item_ids;
    for (const auto& s : c.sections)
      for (const auto& i : s.items) item_ids.push_back(i.id);
    for (const CheckEntry* e : builtin_registry().entries_for(pack)) {
      INFO(name << ": " << e->info.id);
      REQUIRE_FALSE(e->info.checklist_items.empty());
      // A generic check declares the items of the checklist it was written for; another pack's
      // checklist names it under its own items, and must name it somewhere.
      const auto named = c.items_for_check(e->info.id);
      REQUIRE_FALSE(named.empty());
      for (const auto& item : e->info.checklist_items) {
        if (std::find(item_ids.begin(), item_ids.end(), item) == item_ids.end()) continue;
        REQUIRE(std::find(named.begin(), named.end(), item) != named.end());
      }
      REQUIRE_FALSE(e->info.what.empty());
      REQUIRE_FALSE(e->info.how_to_fix.empty());
    }
  }
}

TEST_CASE("config: every check id a checklist names exists for that pack", "[config]") {
  for (const auto& name : pack_names()) {
    const auto ids = builtin_registry().ids_for(provider_pack(name));
    for (const auto& id : provider_checklist(name).check_ids()) {
      INFO(name << ": " << id);
      CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    }
  }
}

TEST_CASE("config: every item of the bluum seeds is on the checklist (issue 15)", "[config]") {
  const auto& c = provider_checklist("bluum");
  std::map<std::string, const ChecklistItem*> items;
  for (const auto& s : c.sections)
    for (const auto& i : s.items) items[i.id] = &i;
  auto checks_of = [&](const std::string& id) {
    REQUIRE(items.count(id) == 1);
    return items[id]->checks;
  };
  auto attestations_of = [&](const std::string& id) {
    REQUIRE(items.count(id) == 1);
    return items[id]->attestations;
  };
  CHECK(attestations_of("lifecycle.webhook-events") ==
        std::vector<std::string>{"lifecycle.webhook-processing"});
  CHECK(attestations_of("access.production") ==
        std::vector<std::string>{"access.production-requested"});
  CHECK(checks_of("cutover.redeploy") == std::vector<std::string>{"client.credentials"});
  CHECK(attestations_of("watch.first-operations") ==
        std::vector<std::string>{"watch.first-operations"});
  CHECK(checks_of("observability.trace-ids") == std::vector<std::string>{"client.trace-ids"});
  CHECK(checks_of("observability.throttling") == std::vector<std::string>{"client.throttling"});
  CHECK(attestations_of("observability.log-retention") ==
        std::vector<std::string>{"observability.log-retention"});
  CHECK(attestations_of("observability.order-persistence") ==
        std::vector<std::string>{"observability.order-persistence"});
  CHECK(checks_of("webhooks.kyc-events") == std::vector<std::string>{"webhook.registration"});
}

TEST_CASE("config: the bluum provider pack knows current and legacy hosts", "[config]") {
  const auto& p = provider_pack("bluum");
  REQUIRE(p.kind_of_host("api.bluumfinance.com") == EnvKind::production);
  REQUIRE(p.kind_of_host("sandbox.api.bluumfinance.com") == EnvKind::sandbox);
  REQUIRE(p.kind_of_host("API.BluumFinance.com.") == EnvKind::production);
  REQUIRE(p.is_legacy_host("service.bluumfinance.com"));
  REQUIRE(p.is_production_host("api.bluum.finance"));
  REQUIRE_FALSE(p.kind_of_host("example.com").has_value());
  REQUIRE(p.rate_per_s(EnvKind::production) == 25);
  REQUIRE(p.rate_per_s(EnvKind::sandbox) == 10);
  REQUIRE(p.money_endpoint("POST", "/investors/inv_1/deposits")->kind == "deposit");
  REQUIRE(p.money_endpoint("GET", "/investors/inv_1/deposits") == nullptr);
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
  const auto& c = provider_checklist("bluum");
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
  const std::string head =
      "version: 1\nprovider: x\ntitle: X\nsections:\n  - id: s\n    title: S\n    items:\n"
      "      - id: i.one\n        text: one\n        checks: [api.a, partner.b]\n";
  auto c = parse_checklist(head + "        client_grades: [partner.b]\n", "x.yaml");
  CHECK(c.sections.at(0).items.at(0).client_grades == std::vector<std::string>{"partner.b"});
  CHECK_THROWS_WITH(parse_checklist(head + "        client_grades: [partner.c]\n", "y.yaml"),
                    Catch::Contains("client_grades names 'partner.c', which is not in checks") &&
                        Catch::Contains("y.yaml:11:"));
}

TEST_CASE("checklist: unknown keys and wrong types are located, all at once", "[config]") {
  const std::string text = "version: 1\nprovider: x\ntitle: X\nsectons: []\n";
  CHECK_THROWS_WITH(parse_checklist(text, "c.yaml"),
                    Catch::Contains("c.yaml:4:1") && Catch::Contains("did you mean"));
}

TEST_CASE("packs: --packs-dir puts a pack under development in front of the built-in ones",
          "[config]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("golive-packs-" + std::to_string(::getpid()));
  fs::create_directories(dir / "providers" / "bluum");
  std::ofstream(dir / "providers" / "bluum" / "pack.yaml") << "version: 1\nname: bluum\n";
  set_packs_dir(dir.string());
  CHECK_THROWS_WITH(provider_pack("bluum"),
                    Catch::Contains("pack.yaml") && Catch::Contains("missing required key"));
  set_packs_dir("");
  CHECK(provider_pack("bluum").name == "bluum");
  fs::remove_all(dir);
}
