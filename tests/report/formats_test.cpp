// What each format says about a synthetic run: mapping of states, escaping, locations.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report_fixture.hpp"

using namespace golive;
using namespace golive::testing;
using Catch::Contains;

TEST_CASE("formats() lists every writer and write() accepts each", "[report]") {
  auto r = synthetic_report();
  for (const auto& f : report::formats()) REQUIRE_FALSE(render(f, r).empty());
  for (const char* f : {"junit", "sarif", "markdown"}) {
    REQUIRE(std::find(report::formats().begin(), report::formats().end(), f) !=
            report::formats().end());
  }
  std::ostringstream out;
  REQUIRE_THROWS_AS(report::write("html", r, out, report::Style{}), std::invalid_argument);
}

TEST_CASE("junit: suites per environment, states mapped, characters escaped", "[report][junit]") {
  auto xml = render("junit", synthetic_report());
  REQUIRE_THAT(
      xml, Contains("<testsuites name=\"bluum-golive\" tests=\"10\" failures=\"4\" errors=\"1\""));
  REQUIRE_THAT(
      xml,
      Contains(
          "<testsuite name=\"production\" tests=\"9\" failures=\"3\" errors=\"1\" skipped=\"3\""));
  REQUIRE_THAT(xml, Contains("<testsuite name=\"sandbox\" tests=\"1\" failures=\"1\""));
  REQUIRE_THAT(xml, Contains("classname=\"golive.webhook\""));
  REQUIRE_THAT(xml,
               Contains("name=\"webhook.rejects-tampered Title of webhook.rejects-tampered\""));
  REQUIRE_THAT(xml, Contains("<property name=\"profile_sha256\" value=\"" + std::string(64, 'a')));
  REQUIRE_THAT(xml, Contains("<property name=\"verdict\" value=\"NOT READY\"/>"));
  REQUIRE_THAT(xml, Contains("<property name=\"run_id\" value=\"20261123T101500Z-abc123\"/>"));
  REQUIRE_THAT(xml, Contains("<skipped>waived: waived by cto@partner.example"));
  REQUIRE_THAT(xml, Contains("<error message=\"timeout after 10 s\" type=\"inconclusive\">"));
  REQUIRE_THAT(
      xml,
      Contains("message=\"tampered body accepted: &lt;&amp;&gt;&quot;&apos; | pipe  bell end\""));
  REQUIRE_THAT(xml, Contains("X-Request-Id req-fail-0002"));
  REQUIRE_THAT(xml, Contains("time=\"0.012\""));
  REQUIRE_THAT(xml, Contains("attestation compliance.disclosures"));  // expired → failing case
  for (char c : xml) REQUIRE((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
}

TEST_CASE("sarif: rules per check id, located results, fingerprints, suppressions",
          "[report][sarif]") {
  auto doc = nlohmann::json::parse(render("sarif", synthetic_report()));
  REQUIRE(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  REQUIRE(run["tool"]["driver"]["name"] == "bluum-golive");
  REQUIRE(run["tool"]["driver"]["version"] == "0.1.0");
  REQUIRE(run["automationDetails"]["id"] == "golive/production/20261123T101500Z-abc123");
  const auto& rules = run["tool"]["driver"]["rules"];
  std::set<std::string> ids;
  for (const auto& rule : rules) REQUIRE(ids.insert(rule["id"].get<std::string>()).second);
  REQUIRE(ids.count("api.smoke"));  // every check that ran has a rule, even a passing one
  REQUIRE(ids.count("commitment.expired"));
  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& res : run["results"]) {
    REQUIRE(rules[res["ruleIndex"].get<size_t>()]["id"] == res["ruleId"]);
    const auto& loc = res["locations"][0]["physicalLocation"];
    auto uri = loc["artifactLocation"]["uri"].get<std::string>();
    REQUIRE(uri.find("://") == std::string::npos);
    REQUIRE(uri.front() != '/');
    REQUIRE(uri.find("production.yaml") != std::string::npos);
    REQUIRE(loc["region"]["startLine"].get<int>() >= 1);
    REQUIRE(res["partialFingerprints"].contains("goliveCheck/v1"));
    by_rule[res["ruleId"].get<std::string>()] = res;
  }
  REQUIRE_FALSE(by_rule.count("api.smoke"));                 // pass: no result
  REQUIRE_FALSE(by_rule.count("credentials.not-in-files"));  // skip: no result
  auto& tampered = by_rule["webhook.rejects-tampered"];
  REQUIRE(tampered["level"] == "error");
  REQUIRE(tampered["partialFingerprints"]["goliveCheck/v1"] ==
          "webhook.rejects-tampered:production");
  REQUIRE(tampered["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  REQUIRE_THAT(tampered["message"]["text"].get<std::string>(),
               Contains("req-fail-0002") && Contains("Fix: fix"));
  REQUIRE(by_rule["api.tls"]["level"] == "warning");
  REQUIRE(by_rule["api.clock-skew"]["level"] == "warning");
  REQUIRE(by_rule["client.request-ids"]["level"] == "warning");  // advisory
  REQUIRE(by_rule["webhook.duplicate"]["suppressions"][0]["kind"] == "external");
  REQUIRE(by_rule["idempotency.replay"]["partialFingerprints"]["goliveCheck/v1"] ==
          "idempotency.replay:sandbox");
  REQUIRE(
      by_rule["commitment.expired"]["locations"][0]["physicalLocation"]["region"]["startLine"] ==
      31);
}

TEST_CASE("markdown: the support-ticket report has every required part", "[report][markdown]") {
  auto md = render("markdown", synthetic_report());
  for (const char* part :
       {"NOT READY", "20261123T101500Z-abc123", "bluum-golive 0.1.0",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "kind production, provider bluum", "2026-11-23T10:15:00Z", "2026-11-23T10:15:02Z",
        "req-pass-0001", "req-fail-0002", "req-sbx-0003", "fix webhook.rejects-tampered now",
        "Signatures verified \\| before", "## Attestations and waivers", "**expired**",
        "past half its life",
        "request `GET https://sandbox.api.bluumfinance.com/v1/assets?class=equity`",
        "latency 42 ms", "status 200"}) {
    INFO(part);
    REQUIRE_THAT(md, Contains(part));
  }
  REQUIRE_THAT(md, Contains("&lt;&&gt;\"' \\| pipe"));
  REQUIRE(md.find('\x01') == std::string::npos);
  // Checklist before findings before request ids before commitments.
  auto at = [&](const char* s) { return md.find(s); };
  REQUIRE(at("## Checklist") < at("## Findings"));
  REQUIRE(at("## Findings") < at("## X-Request-Id"));
  REQUIRE(at("## X-Request-Id") < at("## Attestations"));
}

TEST_CASE("json: invalid UTF-8 and control characters do not break the writer", "[report][json]") {
  auto r = synthetic_report();
  r.rows[0].result.summary = "bad \xC3\x28 byte and \x01 control";
  auto doc = nlohmann::json::parse(render("json", r));
  REQUIRE(doc["checks"][0]["summary"] == "bad \xEF\xBF\xBD( byte and  control");
  REQUIRE(doc["commitments"][0]["configured_at"]["line"] == 30);
}

TEST_CASE("every format shows a partial checklist item and counts it", "[report]") {
  const auto r = synthetic_report();
  const std::string counts =
      "0 verified, 1 failed, 1 attested, 0 waived, 0 inconclusive, 1 partial, 1 not covered";
  std::ostringstream text;
  report::write_text(r, text, report::Style{});
  CHECK_THAT(text.str(), Contains("[partial] Every deposit sends an Idempotency-Key") &&
                             Contains(kPartialDetail) && Contains("Items:  " + counts) &&
                             Contains("Note:   1 checklist item partial"));

  const auto json = nlohmann::json::parse(render("json", r));
  bool found = false;
  for (const auto& it : json["checklist"]["items"]) {
    if (it["id"] != "idempotency.deposits") continue;
    found = true;
    CHECK(it["state"] == "partial");
    CHECK(it["detail"] == kPartialDetail);
  }
  CHECK(found);
  CHECK(json["checklist"]["counts"]["partial"] == 1);
  CHECK(json["checklist"]["counts"]["not covered"] == 1);

  const auto xml = render("junit", r);
  CHECK_THAT(xml, Contains("<testcase name=\"idempotency.deposits Every deposit sends an "
                           "Idempotency-Key\" classname=\"golive.checklist\" time=\"0.000\">\n"
                           "      <skipped>partial: the API side is proven") &&
                      Contains("<property name=\"checklist\" value=\"" + counts + "\"/>"));

  const auto sarif = nlohmann::json::parse(render("sarif", r));
  const auto& run = sarif["runs"][0];
  bool noted = false;
  for (const auto& res : run["results"]) {
    if (res["ruleId"] != "checklist.partial") continue;
    noted = true;
    CHECK(res["level"] == "note");
    CHECK(run["tool"]["driver"]["rules"][res["ruleIndex"].get<size_t>()]["id"] ==
          "checklist.partial");
    CHECK_THAT(res["message"]["text"].get<std::string>(),
               Contains("Checklist item idempotency.deposits") && Contains("is partial"));
    CHECK(res["partialFingerprints"]["goliveCheck/v1"] ==
          "checklist.partial:idempotency.deposits:production");
  }
  CHECK(noted);
  CHECK(run["properties"]["checklist"] == counts);

  const auto md = render("markdown", r);
  CHECK_THAT(md,
             Contains("| Checklist items | " + counts + " |") &&
                 Contains("| Every deposit sends an Idempotency-Key — the API side is proven") &&
                 Contains("| **partial** |"));
}

TEST_CASE("no partial item: nothing extra in junit or sarif", "[report]") {
  auto r = synthetic_report();
  r.items.erase(std::remove_if(r.items.begin(), r.items.end(),
                               [](const ItemResult& i) { return i.state == ItemState::partial; }),
                r.items.end());
  CHECK_THAT(render("junit", r), !Contains("golive.checklist"));
  CHECK_THAT(render("sarif", r), !Contains("checklist.partial"));
}
