// GitHub Actions output (issue 7): annotations at the profile line, step summary, masks.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "core/secret.hpp"
#include "report/baseline.hpp"
#include "report/github.hpp"
#include "report/report_util.hpp"
#include "report_fixture.hpp"

using namespace golive;
using namespace golive::testing;
using Catch::Contains;

namespace {
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}
}  // namespace

TEST_CASE("annotations: one workflow command per finding at the profile line", "[report][github]") {
  auto r = synthetic_report();
  auto text = report::github::annotations(r);
  auto all = lines(text);
  // fail, inconclusive, waived, warn, advisory fail, rehearsal fail, expired attestation,
  // partial checklist item.
  REQUIRE(all.size() == 8);
  auto find = [&](const std::string& title) {
    for (const auto& l : all) {
      if (l.find("title=" + title + "::") != std::string::npos) return l;
    }
    FAIL("no annotation titled " << title);
    return std::string();
  };
  auto file = report::detail::relative_path(r.profile_path);
  auto tampered = find("webhook.rejects-tampered");
  REQUIRE(tampered.rfind("::error file=" + file + ",line=1,title=", 0) == 0);
  REQUIRE_THAT(tampered,
               Contains("req-fail-0002") && Contains("%0AFix: fix webhook.rejects-tampered now"));
  REQUIRE(tampered.find('\x01') == std::string::npos);
  REQUIRE(find("api.tls").rfind("::warning file=" + file + ",line=20,", 0) == 0);
  REQUIRE(find("api.clock-skew").rfind("::warning ", 0) == 0);
  REQUIRE(find("client.request-ids").rfind("::warning ", 0) == 0);
  REQUIRE(find("webhook.duplicate").rfind("::notice ", 0) == 0);
  REQUIRE(find("idempotency.replay").rfind("::error ", 0) == 0);
  REQUIRE(find("commitment.expired").rfind("::error file=" + file + ",line=31,", 0) == 0);
  const auto partial = find("idempotency.deposits (partial)");
  REQUIRE(partial.rfind("::notice file=" + file + ",line=1,", 0) == 0);
  REQUIRE_THAT(partial, Contains("Every deposit sends an Idempotency-Key: the API side is "
                                 "proven; the client was not graded"));
  REQUIRE(text.find("api.smoke") == std::string::npos);
  REQUIRE(file.find("://") == std::string::npos);
}

TEST_CASE("annotations: properties and data are escaped", "[report][github]") {
  RunReport r;
  auto row = make_row("api.smoke", Status::fail, "100% down,\r\nsecond line");
  row.configured_at.file = "dir,with:odd/p.yaml";
  r.rows.push_back(row);
  auto text = report::github::annotations(r);
  REQUIRE_THAT(text, Contains("file=dir%2Cwith%3Aodd/p.yaml,line=20,title=api.smoke::"));
  REQUIRE_THAT(text, Contains("100%25 down,%0D%0Asecond line"));
  REQUIRE(lines(text).size() == 1);
}

TEST_CASE("annotations: a known failure under a baseline is a warning", "[report][github]") {
  auto before = synthetic_report(false);
  auto now = synthetic_report(false);
  report::apply_baseline(
      now, report::diff_against_baseline(now, nlohmann::json::parse(render("json", before))));
  auto text = report::github::annotations(now);
  REQUIRE_THAT(text,
               Contains("::warning ") && Contains("title=webhook.rejects-tampered::known failure"));
  REQUIRE(text.find("::error") == std::string::npos);
}

TEST_CASE("step summary: verdict, findings table, baseline, checklist counts", "[report][github]") {
  auto r = synthetic_report();
  auto md = report::github::step_summary(r);
  REQUIRE_THAT(md, Contains("### bluum-golive: NOT READY (exit 1)"));
  REQUIRE_THAT(md, Contains("| Check | Environment | State | Summary | Configured at |"));
  REQUIRE_THAT(md, Contains("| `webhook.rejects-tampered` | production | **fail** | tampered body "
                            "accepted: &lt;&&gt;\"' \\| pipe"));
  REQUIRE_THAT(md, Contains("**waived**"));
  REQUIRE_THAT(md, Contains("Checklist: 0 verified, 1 failed, 1 attested, 0 waived, 0 "
                            "inconclusive, 1 partial, 1 not covered"));
  REQUIRE_THAT(md, Contains("- **partial** `idempotency.deposits` Every deposit sends an "
                            "Idempotency-Key: the API side is proven"));
  REQUIRE_THAT(md, Contains("- Note: 1 checklist item partial"));
  REQUIRE(md.find("`api.smoke`") == std::string::npos);

  ReportScratch s("summary");
  auto path = (s.path / "summary.md").string();
  s.write("summary.md", "earlier step\n");
  ::setenv("GITHUB_STEP_SUMMARY", path.c_str(), 1);
  std::string error;
  REQUIRE(report::github::append_step_summary(r, error));
  REQUIRE(s.read("summary.md") == "earlier step\n" + md);
  ::unsetenv("GITHUB_STEP_SUMMARY");
  REQUIRE_FALSE(report::github::append_step_summary(r, error));
  REQUIRE_THAT(error, Contains("GITHUB_STEP_SUMMARY"));
}

TEST_CASE("enabled() follows GITHUB_ACTIONS", "[report][github]") {
  ::setenv("GITHUB_ACTIONS", "true", 1);
  REQUIRE(report::github::enabled());
  ::setenv("GITHUB_ACTIONS", "false", 1);
  REQUIRE_FALSE(report::github::enabled());
  ::unsetenv("GITHUB_ACTIONS");
  REQUIRE_FALSE(report::github::enabled());
}

TEST_CASE("mask_commands: every registered value, escaped, multi-line values by line",
          "[report][github]") {
  Redactor::global().clear_for_tests();
  Secret a("sk_test_mask_0123456789", "env A");
  Secret b("50%-off\nsecond-line-secret", "file b");
  auto text = report::github::mask_commands();
  REQUIRE_THAT(text, Contains("::add-mask::sk_test_mask_0123456789\n"));
  REQUIRE_THAT(text, Contains("::add-mask::50%25-off%0Asecond-line-secret\n"));
  REQUIRE_THAT(text, Contains("::add-mask::second-line-secret\n"));
  REQUIRE_THAT(text, Contains("::add-mask::50%25-off\n"));
  for (const auto& l : lines(text)) REQUIRE(l.rfind("::add-mask::", 0) == 0);
  Redactor::global().clear_for_tests();
  REQUIRE(report::github::mask_commands().empty());
}
