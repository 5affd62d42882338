// Profile errors, readiness findings and report formats through the real binary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace golive::testing;

namespace {
const char* kProductionProfile = R"(version: 1
provider: bluum
environment: production
base_url: {base_url}
credentials:
  api_key: {env: GOLIVE_TEST_API_KEY}
  api_secret: {env: GOLIVE_TEST_API_SECRET}
)";

std::string production_profile(const std::string& base_url) {
  std::string t = kProductionProfile;
  t.replace(t.find("{base_url}"), 10, base_url);
  return t;
}
}  // namespace

TEST_CASE("cli: validate reports a typo'd key, a wrong type and a missing env var together",
          "[cli]") {
  Scratch s("validate");
  auto path = s.write("bad.yaml", R"(version: 1
provider: bluum
environment: production
base_ulr: https://api.bluumfinance.com/v1
credentials:
  api_key: {env: GOLIVE_TEST_UNSET_KEY}
  api_secret: {env: GOLIVE_TEST_UNSET_SECRET}
http: {timeout_s: abc}
)");
  auto r = run_golive(
      {"validate", "--profile", path},
      {{"GOLIVE_TEST_UNSET_KEY", std::nullopt}, {"GOLIVE_TEST_UNSET_SECRET", std::nullopt}});
  INFO(r.err);
  REQUIRE(r.exit_code == 2);
  REQUIRE_THAT(r.err,
               Catch::Contains(path + ":4:1: ") && Catch::Contains("did you mean 'base_url'?"));
  REQUIRE_THAT(r.err, Catch::Contains(path + ":6:3: ") &&
                          Catch::Contains("GOLIVE_TEST_UNSET_KEY is not set"));
  REQUIRE_THAT(r.err, Catch::Contains(path + ":8:") && Catch::Contains("timeout_s"));
  REQUIRE(last_line(r.err) == "exit 2: usage or profile error; nothing was sent");
}

TEST_CASE("cli: production with the API key unset is NOT READY with a fix (exit 1)", "[cli]") {
  auto r =
      run_golive({"check", "--env", "production", "--only", "credentials.present,base-url.sanity"},
                 {{"BLUUM_API_KEY", std::nullopt}, {"BLUUM_API_SECRET", "secret-value-123"}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  REQUIRE_THAT(r.out, Catch::Contains("credentials.present") &&
                          Catch::Contains("environment variable BLUUM_API_KEY is not set"));
  REQUIRE_THAT(r.out, Catch::Contains("fix: export BLUUM_API_KEY"));
  REQUIRE(last_line(r.err) == "VERDICT: NOT READY (exit 1)");
}

TEST_CASE("cli: a sandbox host in a production profile fails base-url.sanity", "[cli]") {
  Scratch s("sbxhost");
  auto path =
      s.write("production.yaml", production_profile("https://sandbox.api.bluumfinance.com/v1"));
  auto r =
      run_golive({"check", "--profile", path, "--only", "base-url.sanity", "--format", "json"});
  REQUIRE(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["schema_version"] == 1);
  REQUIRE(j["verdict"]["verdict"] == "NOT READY");
  REQUIRE(j["checks"][0]["id"] == "base-url.sanity");
  REQUIRE(j["checks"][0]["status"] == "fail");
}

TEST_CASE("cli: --report-only exits 0 on a failing run and -q prints only the verdict", "[cli]") {
  Scratch s("reportonly");
  auto path =
      s.write("production.yaml", production_profile("https://sandbox.api.bluumfinance.com/v1"));
  auto r =
      run_golive({"check", "--profile", path, "--only", "base-url.sanity", "--report-only", "-q"});
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out == "VERDICT: NOT READY (exit 0)\n");
}

TEST_CASE("cli: several --format/--output pairs in one run", "[cli]") {
  Scratch s("formats");
  auto json = (s.path / "r.json").string();
  auto text = (s.path / "r.txt").string();
  auto r = run_golive({"check", "--env", "demo", "--format", "json", "--output", json, "--format",
                       "text", "--output", text});
  REQUIRE(r.exit_code == 0);
  REQUIRE(nlohmann::json::parse(s.read("r.json"))["verdict"]["exit_code"] == 0);
  REQUIRE_THAT(s.read("r.txt"), Catch::Contains("VERDICT: READY (exit 0)"));
}
