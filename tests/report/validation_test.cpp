// Acceptance (issue 7): reports from synthetic runs, from `--env demo` and from a failing run
// validate — JSON against config/schemas/report.schema.json, JUnit against the Jenkins XSD with
// xmllint, SARIF against the OASIS 2.1.0 schema.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/baseline.hpp"
#include "report_fixture.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

void require_valid(const ReportScratch& s, const std::string& name, const std::string& format) {
  auto file = (s.path / name).string();
  ProcessResult v = format == "junit"   ? validate_junit(file)
                    : format == "sarif" ? validate_json(file, kSarifSchema)
                                        : validate_json(file, kReportSchema);
  INFO(format << " " << file << "\n" << v.out << v.err << "\n--- report ---\n" << s.read(name));
  REQUIRE(v.exit_code == 0);
}

void write_all(const ReportScratch& s, const std::string& stem, const RunReport& r) {
  s.write(stem + ".json", render("json", r));
  s.write(stem + ".xml", render("junit", r));
  s.write(stem + ".sarif", render("sarif", r));
  require_valid(s, stem + ".json", "json");
  require_valid(s, stem + ".xml", "junit");
  require_valid(s, stem + ".sarif", "sarif");
}

ProcessResult run_binary(const ReportScratch& s, std::vector<std::string> args,
                         const std::map<std::string, std::optional<std::string>>& env = {}) {
  args.insert(args.begin(), GOLIVE_BINARY);
  for (const char* f : {"json", "junit", "sarif", "markdown"}) {
    args.insert(args.end(),
                {"--format", f, "--output", (s.path / (std::string("r.") + f)).string()});
  }
  auto e = env;
  e.emplace("NO_COLOR", "1");
  e.emplace("GITHUB_ACTIONS", std::nullopt);
  return run_process(args, e, kSourceDir, 120);
}

}  // namespace

TEST_CASE("validators reject what they should (they are really running)", "[report][validate]") {
  ReportScratch s("validators");
  s.write("bad.xml",
          "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase name=\"c\">"
          "<system-out>o</system-out><failure/></testcase></testsuite></testsuites>\n");
  s.write("bad.sarif", R"({"version":"2.1.0","runs":[{"tool":{"driver":{}}}]})");
  s.write("bad.json", R"({"schema_version":1})");
  REQUIRE(validate_junit((s.path / "bad.xml").string()).exit_code == 3);  // xmllint: invalid
  REQUIRE(validate_json((s.path / "bad.sarif").string(), kSarifSchema).exit_code == 1);
  REQUIRE(validate_json((s.path / "bad.json").string(), kReportSchema).exit_code == 1);
  auto skipped_attr = validate_junit(s.write(
      "attr.xml",
      "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase name=\"c\"><skipped message=\"m\"/>"
      "</testcase></testsuite></testsuites>\n"));
  REQUIRE(skipped_attr.exit_code != 0);
}

TEST_CASE("synthetic reports validate in every structured format", "[report][validate]") {
  ReportScratch s("synthetic");
  write_all(s, "full", synthetic_report());
  RunReport empty;
  empty.environment = "sandbox";
  decide(empty, VerdictOptions{});
  write_all(s, "empty", empty);
}

TEST_CASE("a report with a baseline comparison validates", "[report][validate][baseline]") {
  ReportScratch s("baseline");
  auto previous = nlohmann::json::parse(render("json", synthetic_report(false)));
  auto now = synthetic_report(false);
  now.rows.push_back(make_row("api.error-model", Status::fail, "envelope missing"));
  now.rows[1].result.status = Status::pass;
  auto diff = report::diff_against_baseline(now, previous, {"previous.json", false});
  report::apply_baseline(now, diff);
  REQUIRE(now.baseline);
  write_all(s, "with-baseline", now);
}

TEST_CASE("reports from `check --env demo` with its reference client validate",
          "[report][validate][cli][e2e]") {
  ReportScratch s("demo-audited");
  auto r = run_binary(s, {"check", "--env", "demo"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  require_valid(s, "r.json", "json");
  require_valid(s, "r.junit", "junit");
  require_valid(s, "r.sarif", "sarif");
  CHECK_THAT(s.read("r.markdown"), Catch::Contains("reference client: "));
}

TEST_CASE("reports from `check --env demo` validate", "[report][validate][cli][e2e]") {
  ReportScratch s("demo");
  auto r = run_binary(s, {"check", "--env", "demo", "--no-audit"});
  INFO(r.out << r.err);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 3));
  require_valid(s, "r.json", "json");
  require_valid(s, "r.junit", "junit");
  require_valid(s, "r.sarif", "sarif");
  auto json = nlohmann::json::parse(s.read("r.json"));
  REQUIRE(json["verdict"]["exit_code"] == r.exit_code);
  REQUIRE_THAT(s.read("r.markdown"), Catch::Contains(json["run_id"].get<std::string>()));
  auto sarif = nlohmann::json::parse(s.read("r.sarif"));
  REQUIRE(sarif["runs"][0]["automationDetails"]["id"].get<std::string>().rfind("golive/sandbox/",
                                                                               0) == 0);
  // Without a client audit (--no-audit: not even the demo's reference client) the deposit item
  // is proven on the API side only: partial, never verified.
  std::string deposits;
  for (const auto& it : json["checklist"]["items"]) {
    if (it["id"] == "idempotency.deposits") deposits = it["state"].get<std::string>();
  }
  CHECK(deposits == "partial");
  CHECK(json["checklist"]["counts"]["partial"].get<int>() >= 1);
  CHECK_THAT(s.read("r.junit"), Catch::Contains("classname=\"golive.checklist\""));
  CHECK_THAT(s.read("r.sarif"), Catch::Contains("\"checklist.partial\""));
  CHECK_THAT(s.read("r.markdown"), Catch::Contains("| **partial** |"));
}

TEST_CASE("reports from a failing run validate and locate the failure",
          "[report][validate][cli][e2e]") {
  ReportScratch s("failing");
  auto profile = s.write("failing.yaml", R"(version: 1
provider: bluum
environment: sandbox
base_url: embedded
credentials:
  api_key: {env: GOLIVE_REPORT_TEST_UNSET_KEY}
  api_secret: {env: GOLIVE_REPORT_TEST_UNSET_SECRET}
attestations:
  compliance.kyc-documents: {by: ops@partner.example, on: 2024-01-01, expires: 2025-01-01, evidence: "OPS-12"}
waivers:
  credentials.not-in-files: {reason: "moving to vault", approver: cto@partner.example, ticket: OPS-19, expires: 2099-12-31}
)");
  auto r = run_binary(s, {"check", "--profile", profile},
                      {{"GOLIVE_REPORT_TEST_UNSET_KEY", std::nullopt},
                       {"GOLIVE_REPORT_TEST_UNSET_SECRET", std::nullopt}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  require_valid(s, "r.json", "json");
  require_valid(s, "r.junit", "junit");
  require_valid(s, "r.sarif", "sarif");
  REQUIRE_THAT(s.read("r.junit"),
               Catch::Contains("<failure message=\"api_key: environment variable"));
  auto sarif = nlohmann::json::parse(s.read("r.sarif"));
  bool located = false;
  for (const auto& res : sarif["runs"][0]["results"]) {
    auto uri =
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
    REQUIRE(uri.front() != '/');
    REQUIRE(uri.find("://") == std::string::npos);
    REQUIRE_THAT(uri, Catch::EndsWith("failing.yaml"));
    if (res["ruleId"] == "credentials.present") located = res["level"] == "error";
  }
  REQUIRE(located);
  auto md = s.read("r.markdown");
  REQUIRE_THAT(md, Catch::Contains("NOT READY") && Catch::Contains("credentials.present") &&
                       Catch::Contains("**expired**"));
  // The JSON report is a valid baseline for the next run.
  REQUIRE_NOTHROW(report::read_baseline((s.path / "r.json").string()));
}
