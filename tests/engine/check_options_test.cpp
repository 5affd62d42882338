#include <catch2/catch.hpp>

#include "engine/check_options.hpp"

using namespace golive;

namespace {
CheckOptions opts(const std::string& yaml) {
  return CheckOptions("api.smoke", YAML::Load(yaml), SourceLoc{"p.yaml", 1, 1});
}
}  // namespace

TEST_CASE("check options: typed getters return values and defaults", "[engine]") {
  auto o = opts("{path: /assets, retries: 3, query: {a: b}, tags: [x, y], on: true}");
  REQUIRE(o.get_string("path", "/") == "/assets");
  REQUIRE(o.get_int("retries", 0) == 3);
  REQUIRE(o.get_int("missing", 7) == 7);
  REQUIRE(o.get_bool("on", false));
  REQUIRE(o.get_string_map("query", {}) == std::map<std::string, std::string>{{"a", "b"}});
  REQUIRE(o.get_string_list("tags", {}) == std::vector<std::string>{"x", "y"});
  REQUIRE_NOTHROW(o.finish());
}

TEST_CASE("check options: an unknown option suggests the known one, with line:col", "[engine]") {
  auto o = opts("path: /assets\nqeury: {a: b}\n");
  o.get_string("path", "/");
  o.get_string_map("query", {});
  try {
    o.finish();
    FAIL("expected ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    REQUIRE(e.diagnostics()[0].str() ==
            "p.yaml:2:1: checks.api.smoke: unknown option 'qeury'; did you mean 'query'?");
  }
}

TEST_CASE("check options: a wrong type is reported at the value", "[engine]") {
  auto o = opts("retries: many\n");
  REQUIRE(o.get_int("retries", 2) == 2);
  try {
    o.finish();
    FAIL("expected ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics()[0].str() ==
            "p.yaml:1:10: checks.api.smoke.retries: must be an integer");
  }
}

TEST_CASE("check options: a key that is not a plain string is an error at the key, not a crash",
          "[engine]") {
  auto o = opts("path: /assets\n? [a, b]\n: 1\nquery: {? {x: 1} : y}\n");
  o.get_string("path", "/");
  CHECK(o.get_string_map("query", {{"d", "e"}}) == std::map<std::string, std::string>{{"d", "e"}});
  try {
    o.finish();
    FAIL("expected ConfigError");
  } catch (const ConfigError& e) {
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(d.str());
    CHECK(lines == std::vector<std::string>{
                       "p.yaml:4:11: checks.api.smoke.query: keys must be plain strings",
                       "p.yaml:2:3: checks.api.smoke: option names must be plain strings"});
  }
}
