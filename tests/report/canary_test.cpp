// SPEC §10 for every report format and the GitHub Actions output: a registered canary secret
// planted in every string of a report appears nowhere — except in mask_commands(), by design.
#include <catch2/catch.hpp>

#include "core/secret.hpp"
#include "report/baseline.hpp"
#include "report/github.hpp"
#include "report_fixture.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

// One plain canary, and one made of characters every format escapes, so escaping before
// redacting would leak it in an escaped form.
const std::string kPlain = "CANARYPLAIN-5e1d9c7b3a";
const std::string kMarkup = "CANARY<&>\"'|`x";

void require_clean(const std::string& where, const std::string& text) {
  INFO(where << ":\n" << text);
  REQUIRE(text.find("CANARY") == std::string::npos);
}

RunReport planted() {
  auto r = synthetic_report();
  auto plant = [](std::string& s, const std::string& canary) { s += " " + canary; };
  for (const auto& canary : {kPlain, kMarkup}) {
    plant(r.base_url, canary);
    plant(r.profile_path, canary);
    plant(r.run_id, canary);
    for (auto& n : r.reasons) plant(n, canary);
    r.notes.push_back("note " + canary);
    for (auto& row : r.rows) {
      plant(row.result.summary, canary);
      plant(row.result.fix, canary);
      plant(row.waiver_note, canary);
      plant(row.configured_at.file, canary);
      row.result.evidence.push_back(exchange("label " + canary, "req-" + canary));
      auto& e = row.result.evidence.back();
      plant(e.expected, canary);
      plant(e.observed, canary);
      e.url += "?token=" + canary;
    }
    for (auto& it : r.items) plant(it.detail, canary);
    for (auto& c : r.commitments) {
      plant(c.note, canary);
      plant(c.owner, canary);
    }
  }
  r.baseline = BaselineDiff{"base " + kPlain,
                            "run " + kMarkup,
                            {{"api.smoke", "production", "fail", "pass", "s " + kPlain}},
                            {{"api.tls", "production", "pass", "fail", "s " + kMarkup}},
                            {},
                            {{"x.y", "sandbox", "absent", "fail", "s " + kPlain}}};
  return r;
}

}  // namespace

TEST_CASE("canary: no registered secret in any format or GitHub output", "[report][secrets]") {
  Redactor::global().clear_for_tests();
  Secret plain(kPlain, "env GOLIVE_CANARY_PLAIN");
  Secret markup(kMarkup, "env GOLIVE_CANARY_MARKUP");
  auto r = planted();
  for (const auto& f : report::formats()) require_clean(f, render(f, r));
  report::Style quiet{false, true};
  std::ostringstream q;
  report::write("text", r, q, quiet);
  require_clean("text -q", q.str());
  require_clean("annotations", report::github::annotations(r));
  require_clean("step summary", report::github::step_summary(r));
  require_clean("verdict line", redact(report::verdict_line(r)));

  auto masks = report::github::mask_commands();
  REQUIRE_THAT(masks, Catch::Contains("::add-mask::" + kPlain + "\n"));
  REQUIRE_THAT(masks, Catch::Contains("::add-mask::" + kMarkup + "\n"));
  Redactor::global().clear_for_tests();
}

TEST_CASE("canary: reports of a real run with canary credentials", "[report][secrets][cli][e2e]") {
  ReportScratch s("canary");
  const std::string key = "CANARYKEY-8c2e4a6f10";
  const std::string secret = "CANARYSECRET-3b5d7f9e21";
  s.write("leak.txt", "api_secret=" + secret + "\n");
  auto profile = s.write("sandbox.yaml", R"(version: 1
provider: bluum
environment: sandbox
base_url: embedded
credentials:
  api_key: {env: GOLIVE_REPORT_TEST_KEY}
  api_secret: {env: GOLIVE_REPORT_TEST_SECRET}
)");
  std::vector<std::string> args{GOLIVE_BINARY, "check", "--profile", profile, "-v"};
  for (const char* f : {"text", "json", "junit", "sarif", "markdown"}) {
    args.insert(args.end(),
                {"--format", f, "--output", (s.path / (std::string("r.") + f)).string()});
  }
  auto r = run_process(args,
                       {{"GOLIVE_REPORT_TEST_KEY", key},
                        {"GOLIVE_REPORT_TEST_SECRET", secret},
                        {"NO_COLOR", "1"},
                        {"GITHUB_ACTIONS", std::nullopt}},
                       kSourceDir, 120);
  INFO(r.out << r.err);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.exit_code >= 0);
  REQUIRE(r.exit_code != 2);
  require_clean("stdout", r.out);
  require_clean("stderr", r.err);
  for (const char* f : {"text", "json", "junit", "sarif", "markdown"}) {
    auto text = s.read(std::string("r.") + f);
    REQUIRE_FALSE(text.empty());
    require_clean(f, text);
  }
}
