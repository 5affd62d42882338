#include <catch2/catch.hpp>

#include "engine/registry.hpp"
#include "fake_check.hpp"

using namespace golive;
using golive::testing::add_fake;
using golive::testing::info;

TEST_CASE("registry: entries are sorted by id whatever the registration order", "[engine]") {
  Registry r;
  add_fake(r, info("b.two"), nullptr);
  add_fake(r, info("a.one"), nullptr);
  REQUIRE(r.ids() == std::vector<std::string>{"a.one", "b.two"});
}

TEST_CASE("registry: one id for two providers keeps the order it was registered in", "[engine]") {
  Registry r;
  auto first = info("a.one");
  first.providers = {"bluum"};
  auto second = info("a.one");
  second.providers = {"basiq"};
  add_fake(r, info("c.three"), nullptr);
  add_fake(r, first, nullptr);
  add_fake(r, info("b.two"), nullptr);
  add_fake(r, second, nullptr);
  const auto& e = r.entries();
  REQUIRE(e.size() == 4);
  CHECK(e[0].info.id == "a.one");
  CHECK(e[0].info.providers == std::vector<std::string>{"bluum"});
  CHECK(e[1].info.providers == std::vector<std::string>{"basiq"});
  CHECK(e[2].info.id == "b.two");
  CHECK(e[3].info.id == "c.three");
}

TEST_CASE("registry: a duplicate id is a programming error", "[engine]") {
  Registry r;
  add_fake(r, info("a.one"), nullptr);
  REQUIRE_THROWS_AS(add_fake(r, info("a.one"), nullptr), std::logic_error);
}

TEST_CASE("registry: an unknown id suggests the closest registered one", "[engine]") {
  Registry r;
  add_fake(r, info("api.smoke"), nullptr);
  add_fake(r, info("base-url.sanity"), nullptr);
  try {
    r.require("api.smok", "--only");
    FAIL("expected ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(std::string(e.what()) ==
            "--only: unknown check id 'api.smok'; did you mean 'api.smoke'? (run `bluum-golive "
            "list` for the catalogue)");
  }
}

TEST_CASE("registry: the built-in registry holds the foundation checks", "[engine]") {
  const auto ids = builtin_registry().ids();
  for (const char* id : {"base-url.sanity", "credentials.distinct-environments",
                         "credentials.not-in-files", "credentials.present"}) {
    INFO(id);
    REQUIRE(std::find(ids.begin(), ids.end(), id) != ids.end());
  }
}
