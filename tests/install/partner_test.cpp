// The binary as a new user meets it (SPEC §12): in an empty directory, with the packs it carries.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "cli/cli_support.hpp"

using namespace golive::testing;
namespace fs = std::filesystem;

namespace {

/// Every variable the production profile and its rehearsal profile read, as `init` writes them.
const std::vector<std::string> kCredentialVars{
    "BLUUM_API_KEY",         "BLUUM_API_SECRET",         "BLUUM_WEBHOOK_SECRET",
    "BLUUM_SANDBOX_API_KEY", "BLUUM_SANDBOX_API_SECRET", "BLUUM_SANDBOX_WEBHOOK_SECRET"};

Env without_credentials() {
  Env e;
  for (const auto& v : kCredentialVars) e[v] = std::nullopt;
  return e;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) out.push_back(l);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "install: check --env demo is READY in an empty directory, from the built-in demo "
    "profile",
    "[install]") {
  Scratch s("empty-demo");
  auto r = run_golive_in(s.path.string(), {"check", "--env", "demo"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE_THAT(r.out, Catch::Contains("profile built-in:providers/bluum/demo.yaml"));
  REQUIRE_THAT(r.out, Catch::Contains("1. Full lifecycle tested in sandbox"));
  // The reference client ran from the binary itself and graded every client.* check.
  REQUIRE(std::regex_search(r.out,
                            std::regex(R"(pass\s+client\.retry-same-key\s+reference client: )")));
  REQUIRE(last_line(r.err) == "VERDICT: READY (exit 0)");
  REQUIRE(fs::is_empty(s.path));
}

TEST_CASE("install: a partner's own demo profile wins over the built-in one", "[install]") {
  Scratch s("own-demo");
  s.write("config/profiles/demo.yaml",
          "version: 1\nprovider: bluum\nenvironment: sandbox\nbase_url: embedded\n");
  auto r = run_golive_in(s.path.string(), {"check", "--env", "demo", "--only", "api.smoke"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE_THAT(r.out, Catch::Contains("/config/profiles/demo.yaml (sha256"));
  REQUIRE_THAT(r.out, !Catch::Contains("built-in:"));
}

TEST_CASE(
    "install: in an empty directory, init then validate names only the credential "
    "variables still to provide, and the plan exits 0",
    "[install]") {
  Scratch s("empty-init");
  const std::string dir = s.path.string();
  auto init = run_golive_in(dir, {"init", "--env", "production"});
  INFO(init.out << init.err);
  REQUIRE(init.exit_code == 0);
  REQUIRE(fs::exists(s.path / "config/profiles/production.yaml"));
  REQUIRE(fs::exists(s.path / "config/profiles/sandbox.yaml"));

  auto v = run_golive_in(dir, {"validate", "--env", "production"}, without_credentials());
  INFO(v.out << v.err);
  REQUIRE(v.exit_code == 2);
  auto lines = lines_of(v.err);
  REQUIRE(lines.back() == "exit 2: usage or profile error; nothing was sent");
  lines.pop_back();
  std::vector<std::string> named;
  std::regex unset(
      R"(^(.*/)?config/profiles/(production|sandbox)\.yaml:\d+:\d+: .*environment variable (\w+) is not set.*$)");
  for (const auto& l : lines) {
    INFO(l);
    std::smatch m;
    REQUIRE(std::regex_match(l, m, unset));
    named.push_back(m[3]);
  }
  std::sort(named.begin(), named.end());
  auto expected = kCredentialVars;
  std::sort(expected.begin(), expected.end());
  REQUIRE(named == expected);

  Env all;
  for (const auto& var : kCredentialVars) all[var] = "value-of-" + var + "-0123456789";
  all["BLUUM_WEBHOOK_SECRET"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  all["BLUUM_SANDBOX_WEBHOOK_SECRET"] = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
  auto ok = run_golive_in(dir, {"validate", "--env", "production"}, all);
  INFO(ok.out << ok.err);
  REQUIRE(ok.exit_code == 0);

  auto plan = run_golive_in(dir, {"check", "--env", "production", "--plan"}, without_credentials());
  INFO(plan.out << plan.err);
  REQUIRE(plan.exit_code == 0);
  REQUIRE_THAT(plan.out, Catch::Contains("https://api.bluumfinance.com/v1/assets"));
  REQUIRE_THAT(plan.out, Catch::Contains("sandbox.api.bluumfinance.com"));
  REQUIRE(last_line(plan.err) == "PLAN: nothing was sent (exit 0)");
}

TEST_CASE(
    "install: an unknown --env in an empty directory says where it looked and how to "
    "write one (exit 2)",
    "[install]") {
  Scratch s("empty-unknown");
  auto r = run_golive_in(s.path.string(), {"check", "--env", "production"});
  REQUIRE(r.exit_code == 2);
  REQUIRE_THAT(r.err, Catch::Contains("no config/profiles/ directory here or above"));
  REQUIRE_THAT(r.err, Catch::Contains("`bluum-golive init --env production` writes a new one"));
}

TEST_CASE("install: --version names the tool and the version of each pack it carries",
          "[install]") {
  Scratch s("version");
  auto r = run_golive_in(s.path.string(), {"--version"});
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::regex_search(r.out, std::regex(R"(^bluum-golive \d+\.\d+\.\d+\n)")));
  REQUIRE(
      std::regex_search(r.out, std::regex(R"(\nprovider packs: basiq \d+\.\d+\.\d+, )"
                                          R"(blockchain0x \d+\.\d+\.\d+, bluum \d+\.\d+\.\d+)")));
}

TEST_CASE("install: --packs-dir puts a pack under development in front of the built-in one",
          "[install]") {
  Scratch s("packs-dir");
  s.write("packs/providers/bluum/checklist.yaml",
          "version: 1\nprovider: bluum\ntitle: Checklist under development\nsections: []\n");
  for (auto where :
       {std::vector<std::string>{"--packs-dir", (s.path / "packs").string(), "check"},
        std::vector<std::string>{"check", "--packs-dir", (s.path / "packs").string()}}) {
    auto args = where;
    for (const char* a : {"--env", "demo", "--only", "credentials.present"}) args.emplace_back(a);
    auto r = run_golive_in(s.path.string(), args);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE_THAT(r.out, Catch::Contains("Checklist under development"));
  }
  auto missing = run_golive_in(s.path.string(),
                               {"check", "--env", "demo", "--packs-dir", "/nonexistent/packs"});
  REQUIRE(missing.exit_code == 2);
  REQUIRE_THAT(missing.err, Catch::Contains("/nonexistent/packs"));
}

TEST_CASE("install: a broken pack under --packs-dir is a profile error at its file, said once",
          "[install]") {
  Scratch s("packs-broken");
  auto pack = s.write("packs/providers/bluum/pack.yaml", "name: [unclosed\n");
  auto r = run_golive_in(s.path.string(),
                         {"validate", "--env", "demo", "--packs-dir", (s.path / "packs").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 2);
  auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 2);
  REQUIRE_THAT(lines.front(), Catch::StartsWith(pack + ":"));
}
