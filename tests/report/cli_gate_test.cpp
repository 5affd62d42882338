// Acceptance (issue 7) through the real binary: `check --baseline` and the GitHub Actions
// output. Needs `check` to call report/baseline.hpp and report/github.hpp as their headers
// describe; add this file to test_report's SOURCES in tests/report/CMakeLists.txt with that
// wiring.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report_fixture.hpp"

using namespace golive::testing;
using Catch::Contains;

namespace {

const std::string kKey = "gatekey-CANARY-4d2f8a";
const std::string kSecret = "gatesecret-CANARY-9b1c7e";

/// An embedded-emulator profile; `smoke_path` set makes api.smoke (and only it) fail.
std::string profile(const ReportScratch& s, const std::string& name,
                    const std::string& smoke_path) {
  std::string checks =
      smoke_path.empty() ? "" : "checks:\n  api.smoke: {path: " + smoke_path + "}\n";
  return s.write(name,
                 "version: 1\nprovider: bluum\nenvironment: sandbox\nbase_url: embedded\n"
                 "credentials:\n  api_key: {env: GOLIVE_GATE_KEY}\n"
                 "  api_secret: {env: GOLIVE_GATE_SECRET}\n" +
                     checks + "webhook:\n  url: embedded\n  scheme: standard\n");
}

ProcessResult check(std::vector<std::string> args,
                    std::map<std::string, std::optional<std::string>> env = {}) {
  args.insert(args.begin(), {GOLIVE_BINARY, "check"});
  env.emplace("GOLIVE_GATE_KEY", kKey);
  env.emplace("GOLIVE_GATE_SECRET", kSecret);
  env.emplace("NO_COLOR", "1");
  env.emplace("GITHUB_ACTIONS", std::nullopt);
  env.emplace("GITHUB_STEP_SUMMARY", std::nullopt);
  return run_process(args, env, kSourceDir, 120);
}

}  // namespace

TEST_CASE("cli: a baseline run that adds one failure exits 1 naming only it; fixing exits 0",
          "[report][baseline][cli][e2e]") {
  ReportScratch s("gate-baseline");
  auto good = profile(s, "good.yaml", "");
  auto bad = profile(s, "bad.yaml", "/no-such-path");
  auto base = (s.path / "base.json").string();
  auto r0 = check({"--profile", good, "--format", "json", "--output", base});
  INFO(r0.out << r0.err);
  REQUIRE(r0.exit_code == 0);

  auto worse = (s.path / "worse.json").string();
  auto r1 = check({"--profile", bad, "--baseline", base, "--format", "json", "--output", worse,
                   "--format", "text", "--output", "-"});
  INFO(r1.out << r1.err);
  REQUIRE(r1.exit_code == 1);
  auto j1 = nlohmann::json::parse(s.read("worse.json"));
  REQUIRE(j1["baseline"]["new_failures"].size() == 1);
  REQUIRE(j1["baseline"]["new_failures"][0]["id"] == "api.smoke");
  REQUIRE(j1["verdict"]["reasons"].size() == 1);
  REQUIRE_THAT(j1["verdict"]["reasons"][0].get<std::string>(), Contains("api.smoke"));
  REQUIRE(validate_json(worse, kReportSchema).exit_code == 0);

  auto r2 = check({"--profile", good, "--baseline", worse, "--format", "json", "--output",
                   (s.path / "fixed.json").string()});
  INFO(r2.out << r2.err);
  REQUIRE(r2.exit_code == 0);
  auto j2 = nlohmann::json::parse(s.read("fixed.json"));
  REQUIRE(j2["baseline"]["fixed"][0]["id"] == "api.smoke");

  auto r3 = check({"--profile", good, "--baseline", (s.path / "missing.json").string()});
  REQUIRE(r3.exit_code == 2);
}

TEST_CASE("cli: GitHub Actions output masks first, annotates, summarises, leaks nothing",
          "[report][github][secrets][cli][e2e]") {
  ReportScratch s("gate-github");
  auto bad = profile(s, "bad.yaml", "/no-such-path");
  auto summary = (s.path / "summary.md").string();
  auto r = check({"--profile", bad, "--format", "sarif", "--output", (s.path / "r.sarif").string(),
                  "--format", "markdown", "--output", (s.path / "r.md").string()},
                 {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  // Masks come before anything else on either stream.
  REQUIRE(r.err.rfind("::add-mask::", 0) == 0);
  REQUIRE_THAT(r.err,
               Contains("::add-mask::" + kKey + "\n") && Contains("::add-mask::" + kSecret + "\n"));
  REQUIRE((r.out.empty() || r.out.rfind("::add-mask::", 0) == 0));
  REQUIRE_THAT(r.err, Contains("bad.yaml,line=9,title=api.smoke::"));
  REQUIRE_THAT(s.read("summary.md"), Contains("`api.smoke`") && Contains("NOT READY"));
  // Outside the mask commands, the secrets appear nowhere.
  std::string err_without_masks;
  std::istringstream in(r.err);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("::add-mask::", 0) != 0) err_without_masks += line + "\n";
  }
  for (const auto& [where, text] :
       std::vector<std::pair<std::string, std::string>>{{"stdout", r.out},
                                                        {"stderr", err_without_masks},
                                                        {"summary", s.read("summary.md")},
                                                        {"sarif", s.read("r.sarif")},
                                                        {"markdown", s.read("r.md")}}) {
    INFO(where);
    REQUIRE(text.find("CANARY") == std::string::npos);
  }
}
