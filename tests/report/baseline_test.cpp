// --baseline (issue 7): fail only on regressions, matched by (check id, environment).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/baseline.hpp"
#include "report_fixture.hpp"

using namespace golive;
using namespace golive::testing;
using Catch::Contains;

namespace {

nlohmann::json as_baseline(const RunReport& r) {
  return nlohmann::json::parse(render("json", r));
}

std::vector<std::string> ids(const std::vector<BaselineEntry>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.check_id + "@" + e.environment);
  return out;
}

ResultRow& row(RunReport& r, const std::string& id) {
  for (auto& x : r.rows) {
    if (x.result.id == id) return x;
  }
  throw std::logic_error("no row " + id);
}

}  // namespace

TEST_CASE("baseline: a run that adds one failure exits 1 and names only it", "[report][baseline]") {
  auto before = synthetic_report(false);
  REQUIRE(before.exit_code == 1);  // it already has known failures
  auto now = synthetic_report(false);
  row(now, "api.smoke").result.status = Status::fail;
  row(now, "api.smoke").result.summary = "GET /assets returned 401";
  auto diff = report::diff_against_baseline(now, as_baseline(before), {"base.json", false});
  REQUIRE(ids(diff.new_failures) == std::vector<std::string>{"api.smoke@production"});
  REQUIRE(diff.new_failures[0].previous_status == "pass");
  REQUIRE(ids(diff.unchanged) == std::vector<std::string>{"webhook.rejects-tampered@production",
                                                          "api.tls@production",
                                                          "idempotency.replay@sandbox"});
  REQUIRE(diff.fixed.empty());
  report::apply_baseline(now, diff);
  REQUIRE(now.exit_code == 1);
  REQUIRE(now.verdict == Verdict::not_ready);
  REQUIRE(now.reasons.size() == 1);
  REQUIRE_THAT(now.reasons[0], Contains("api.smoke failed"));
  REQUIRE(now.baseline);
  REQUIRE(now.baseline->source == "base.json");
  REQUIRE(now.baseline->previous_run_id == "20261123T101500Z-abc123");
  for (const char* f : {"json", "junit", "sarif", "markdown", "text"}) {
    INFO(f);
    REQUIRE_THAT(render(f, now), Contains("api.smoke"));
  }
  auto sarif = nlohmann::json::parse(render("sarif", now));
  for (const auto& res : sarif["runs"][0]["results"]) {
    if (res["ruleId"] == "api.smoke") REQUIRE(res["baselineState"] == "new");
    if (res["ruleId"] == "api.tls") REQUIRE(res["baselineState"] == "unchanged");
  }
  REQUIRE_THAT(render("markdown", now), Contains("**New failures** (1)"));
}

TEST_CASE("baseline: a run that fixes one failure exits 0 and lists it as fixed",
          "[report][baseline]") {
  auto before = synthetic_report(false);
  auto now = synthetic_report(false);
  row(now, "webhook.rejects-tampered").result.status = Status::pass;
  auto diff = report::diff_against_baseline(now, as_baseline(before));
  REQUIRE(ids(diff.fixed) == std::vector<std::string>{"webhook.rejects-tampered@production"});
  REQUIRE(diff.new_failures.empty());
  report::apply_baseline(now, diff);
  REQUIRE(now.exit_code == 0);
  REQUIRE(now.verdict == Verdict::ready);
  REQUIRE(now.reasons.empty());
  auto json = as_baseline(now);
  REQUIRE(json["baseline"]["fixed"][0]["id"] == "webhook.rejects-tampered");
  REQUIRE(json["baseline"]["fixed"][0]["previous_status"] == "fail");
  REQUIRE(json["baseline"]["unchanged"].size() == 2);
}

TEST_CASE("baseline: expired commitments still fail; environments are matched",
          "[report][baseline]") {
  auto before = synthetic_report(true);
  auto now = synthetic_report(true);
  auto diff = report::diff_against_baseline(now, as_baseline(before));
  REQUIRE(diff.new_failures.empty());
  report::apply_baseline(now, diff);
  REQUIRE(now.exit_code == 1);
  REQUIRE(now.reasons.size() == 1);
  REQUIRE_THAT(now.reasons[0], Contains("compliance.disclosures expired"));

  // The same check failing in another environment is a new failure.
  auto other = synthetic_report(false);
  auto moved =
      make_row("idempotency.replay", Status::fail, "replay created a second deposit", "staging");
  other.rows.push_back(moved);
  auto d2 = report::diff_against_baseline(other, as_baseline(synthetic_report(false)));
  REQUIRE(ids(d2.new_failures) == std::vector<std::string>{"idempotency.replay@staging"});
}

TEST_CASE("baseline: strict, report-only, waivers and absent checks", "[report][baseline]") {
  auto before = synthetic_report(false);
  SECTION("--strict counts a new warning") {
    auto now = synthetic_report(false);
    row(now, "api.smoke").result.status = Status::warn;
    auto diff = report::diff_against_baseline(now, as_baseline(before), {"b", true});
    REQUIRE(ids(diff.new_failures) == std::vector<std::string>{"api.smoke@production"});
    report::apply_baseline(now, diff, VerdictOptions{true, false});
    REQUIRE(now.exit_code == 1);
  }
  SECTION("--report-only exits 0 with a new failure") {
    auto now = synthetic_report(false);
    row(now, "api.smoke").result.status = Status::fail;
    report::apply_baseline(now, report::diff_against_baseline(now, as_baseline(before)),
                           VerdictOptions{false, true});
    REQUIRE(now.exit_code == 0);
    REQUIRE(now.verdict == Verdict::not_ready);
  }
  SECTION("a newly waived failure is fixed; a failure not run now is not") {
    auto now = synthetic_report(false);
    row(now, "api.tls").waived = true;
    now.rows.erase(
        std::remove_if(now.rows.begin(), now.rows.end(),
                       [](const ResultRow& r) { return r.result.environment == "sandbox"; }),
        now.rows.end());
    auto diff = report::diff_against_baseline(now, as_baseline(before));
    REQUIRE(ids(diff.fixed) == std::vector<std::string>{"api.tls@production"});
    REQUIRE(diff.fixed[0].status == "waived");
    REQUIRE(ids(diff.not_run) == std::vector<std::string>{"idempotency.replay@sandbox"});
    REQUIRE(diff.not_run[0].status == "absent");
  }
  SECTION("an advisory failure never gates") {
    auto now = synthetic_report(false);
    now.rows.push_back(make_row("client.new-advisory", Status::fail, "x", "production", false));
    auto diff = report::diff_against_baseline(now, as_baseline(before));
    REQUIRE(diff.new_failures.empty());
  }
}

TEST_CASE("baseline: unreadable or foreign files are profile errors", "[report][baseline]") {
  ReportScratch s("baseline-errors");
  REQUIRE_THROWS_AS(report::read_baseline((s.path / "missing.json").string()), ConfigError);
  REQUIRE_THROWS_WITH(report::read_baseline(s.write("x.json", "{not json")),
                      Contains("not valid JSON"));
  REQUIRE_THROWS_WITH(
      report::read_baseline(s.write("v.json", R"({"schema_version":2,"checks":[]})")),
      Contains("schema_version 2"));
  REQUIRE_THROWS_WITH(
      report::read_baseline(s.write("c.json", R"({"schema_version":1,"checks":[{"id":1}]})")),
      Contains("checks[0]"));
  REQUIRE_THROWS_WITH(
      report::read_baseline(s.write("sarif.json", render("sarif", synthetic_report()))),
      Contains("sarif.json") && Contains("no schema_version"));
  auto ok = s.write("ok.json", render("json", synthetic_report()));
  REQUIRE(report::read_baseline(ok)["run_id"] == "20261123T101500Z-abc123");
}
