// CLI paths and exit codes (SPEC §2, §3) on the real binary.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using namespace golive::testing;

TEST_CASE("cli: --version prints the version and exits 0", "[cli]") {
  auto r = run_golive({"--version"});
  REQUIRE(r.exit_code == 0);
  REQUIRE_THAT(r.out, Catch::StartsWith("bluum-golive 0."));
}

TEST_CASE("cli: --help lists the subcommands and exits 0", "[cli]") {
  auto r = run_golive({"--help"});
  REQUIRE(r.exit_code == 0);
  for (const char* cmd : {"check", "list", "explain", "validate", "init"}) {
    INFO(cmd);
    REQUIRE_THAT(r.out, Catch::Contains(cmd));
  }
}

TEST_CASE("cli: an unknown flag or no subcommand is a usage error (exit 2)", "[cli]") {
  REQUIRE(run_golive({"check", "--env", "demo", "--frobnicate"}).exit_code == 2);
  REQUIRE(run_golive({}).exit_code == 2);
  REQUIRE(run_golive({"check"}).exit_code == 2);
  REQUIRE(run_golive({"check", "--env", "demo", "--format", "yaml"}).exit_code == 2);
}

TEST_CASE("cli: check --env demo is READY (exit 0) with the verdict last on stderr", "[cli]") {
  auto r = run_golive({"check", "--env", "demo"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE_THAT(r.out, Catch::Contains("1. Full lifecycle tested in sandbox"));
  REQUIRE_THAT(r.out, Catch::Contains("[not covered]"));
  REQUIRE(last_line(r.err) == "VERDICT: READY (exit 0)");
}

TEST_CASE("cli: an unknown --only id suggests the right one (exit 2)", "[cli]") {
  auto r = run_golive({"check", "--env", "demo", "--only", "credentials.presnt"});
  REQUIRE(r.exit_code == 2);
  REQUIRE_THAT(r.err, Catch::Contains("did you mean 'credentials.present'?"));
}

TEST_CASE("cli: an unknown --env names the profiles that exist (exit 2)", "[cli]") {
  auto r = run_golive({"check", "--env", "prodution"});
  REQUIRE(r.exit_code == 2);
  REQUIRE_THAT(r.err, Catch::Contains("did you mean 'production'?"));
}

TEST_CASE("cli: list shows every built-in check; explain describes one", "[cli]") {
  auto l = run_golive({"list"});
  REQUIRE(l.exit_code == 0);
  REQUIRE_THAT(l.out, Catch::Contains("credentials.present") && Catch::Contains("base-url.sanity"));
  auto j = run_golive({"list", "--format", "json"});
  REQUIRE(j.exit_code == 0);
  REQUIRE_THAT(j.out, Catch::Contains("\"side_effect\": \"static\""));
  auto e = run_golive({"explain", "base-url.sanity"});
  REQUIRE(e.exit_code == 0);
  REQUIRE_THAT(e.out, Catch::Contains("Cut-over: switch the base URL"));
  auto bad = run_golive({"explain", "base-url.sanit"});
  REQUIRE(bad.exit_code == 2);
  REQUIRE_THAT(bad.err, Catch::Contains("did you mean 'base-url.sanity'?"));
}

TEST_CASE("cli: init writes an annotated profile that validates, and never overwrites", "[cli]") {
  Scratch s("init");
  auto cfg = (s.path / "config").string();
  auto r = run_golive({"init", "--env", "staging", "--kind", "sandbox", "--config-dir", cfg});
  REQUIRE(r.exit_code == 0);
  auto text = s.read("config/profiles/staging.yaml");
  REQUIRE_THAT(text,
               Catch::Contains("kind: sandbox") && Catch::Contains("{env: BLUUM_SANDBOX_API_KEY}"));
  REQUIRE(run_golive({"init", "--env", "staging", "--config-dir", cfg}).exit_code == 2);
  auto v = run_golive({"validate", "--profile", s.path.string() + "/config/profiles/staging.yaml"},
                      {{"BLUUM_SANDBOX_API_KEY", "k-123456789"},
                       {"BLUUM_SANDBOX_API_SECRET", "s-123456789"},
                       {"BLUUM_SANDBOX_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}});
  INFO(v.err);
  REQUIRE(v.exit_code == 0);
}

TEST_CASE("cli: with stdout and stderr on one file the verdict is the last line, once", "[cli]") {
  Scratch dir("one-file");
  const std::string profile = dir.write("embedded.yaml",
                                        "version: 1\nprovider: bluum\nenvironment: sandbox\n"
                                        "base_url: embedded\n");
  const std::string log = (dir.path / "log.txt").string();
  // `2>&1`: both descriptors on one file, as in a terminal or a CI log.
  auto r = run_process({"/bin/sh", "-c", "exec \"$0\" \"$@\" >\"$LOG\" 2>&1", GOLIVE_BINARY,
                        "check", "--profile", profile, "--only", "api.smoke", "-q"},
                       {{"LOG", log}, {"NO_COLOR", "1"}}, dir.path.string(), 60);
  const std::string text = dir.read("log.txt");
  INFO(text << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(last_line(text) == "VERDICT: READY (exit 0)");
  CHECK(text.find("VERDICT") == text.rfind("VERDICT"));
  // Apart, stdout carries the quiet report and stderr still ends with the verdict.
  auto apart = run_golive_in(dir.path.string(),
                             {"check", "--profile", profile, "--only", "api.smoke", "-q"});
  CHECK(last_line(apart.out) == "VERDICT: READY (exit 0)");
  CHECK(last_line(apart.err) == "VERDICT: READY (exit 0)");
}
