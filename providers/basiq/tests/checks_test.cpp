// Basiq's own checks against its emulator: each passes against a partner whose setup is done and
// fails (or warns) under the fault that breaks what it proves.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "crypto/encoding.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;
using namespace golive::testing::bq;

namespace {

YAML::Node yaml(const std::string& text) {
  return YAML::Load(text);
}

void prepare(Emu& e, const std::string& user = "demo-user-0001") {
  e.emu.prepare({kKey, user, ""});
}

}  // namespace

TEST_CASE("auth.token: the key exchanges for a one-hour Bearer token", "[basiq][checks]") {
  Emu e;
  Run run;
  const auto r = run.check("auth.token", basiq_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("valid for 3600 s"));
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].method == "POST");
  require_no_secret(r, e.emu);
}

TEST_CASE("auth.token: the run sends one token request, shared by every check", "[basiq][checks]") {
  Emu e;
  prepare(e);
  Run run;
  const auto t = basiq_target(e.emu.base_url());
  REQUIRE(run.check("auth.token", t).status == Status::pass);
  REQUIRE(run.check("connectors.status", t).status == Status::pass);
  REQUIRE(run.check("jobs.recent-failures", t, yaml("{user_id: demo-user-0001}")).status ==
          Status::pass);
  REQUIRE(run.check("api.smoke", t).status == Status::pass);
  CHECK(e.emu.token_requests() == 1);
  CHECK(run.tokens.requests_sent() == 1);
}

TEST_CASE("auth.token: each documented failure is explained", "[basiq][checks]") {
  struct Case {
    std::string fault;
    Status status;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"account-disabled", Status::fail, "account is disabled"},
      {"token-ip-limited", Status::fail,
       "from this IP address within 5 minutes (Basiq: \"Invalid request\")"},
      {"key-deleted", Status::fail, "the API key is unknown"},
      {"token-too-many-requests", Status::inconclusive, "1,500 token requests per 5 minutes"},
      {"token-short-lived", Status::warn, "lasts 600 s"},
  };
  for (const auto& c : cases) {
    INFO(c.fault);
    Emu e({c.fault});
    Run run;
    const auto r = run.check("auth.token", basiq_target(e.emu.base_url()));
    INFO(r.summary);
    CHECK(r.status == c.status);
    CHECK_THAT(r.summary, Catch::Contains(c.says));
    CHECK_FALSE(r.fix.empty());
    require_no_secret(r, e.emu);
  }
}

TEST_CASE(
    "auth.token: a key encoded twice is named as such, and the evidence keeps the "
    "correlationId",
    "[basiq][checks]") {
  Emu e;
  Run run;
  const std::string twice = crypto::base64_encode(kKey);
  const auto r = run.check("auth.token", basiq_target(e.emu.base_url(), EnvKind::sandbox, twice));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("400 parameter-not-valid") &&
                            Catch::Contains("base64-encoded once more"));
  REQUIRE_FALSE(r.evidence.empty());
  CHECK(r.evidence.back().request_id.size() == 36);  // the body's correlationId
  CHECK(all_text(r).find(twice) == std::string::npos);
}

TEST_CASE("auth.token: a sandbox key against the live application is named on production",
          "[basiq][checks]") {
  Emu e({"key-deleted"});
  Run run;
  const auto r = run.check("auth.token", basiq_target(e.emu.base_url(), EnvKind::production));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("sandbox application's key"));
}

TEST_CASE("auth.token: a failed exchange is not repeated by later checks of the run",
          "[basiq][checks]") {
  Emu e({"account-disabled"});
  Run run;
  const auto t = basiq_target(e.emu.base_url());
  CHECK(run.check("auth.token", t).status == Status::fail);
  const auto smoke = run.check("api.smoke", t);
  CHECK(smoke.status == Status::fail);
  CHECK(e.emu.token_requests() == 1);
}

TEST_CASE("connectors.status: operational offered institutions pass", "[basiq][checks]") {
  Emu e;
  Run run;
  const auto r = run.check("connectors.status", basiq_target(e.emu.base_url()),
                           yaml("{institutions: [AU00000, AU00003]}"));
  INFO(r.summary);
  CHECK(r.status == Status::pass);
}

TEST_CASE("connectors.status: an offered institution in an outage is a warning with its status",
          "[basiq][checks]") {
  Emu e({"connector-outage"});
  Run run;
  const auto r = run.check("connectors.status", basiq_target(e.emu.base_url()),
                           yaml("{institutions: [AU00000]}"));
  REQUIRE(r.status == Status::warn);
  CHECK_THAT(r.summary, Catch::Contains("AU00000 Hooli (web): major-outage"));
  CHECK_THAT(r.summary, !Catch::Contains("partial-outage"));  // AU00001 is not offered
}

TEST_CASE("connectors.status: an institution without a connector is a warning", "[basiq][checks]") {
  Emu e;
  Run run;
  const auto r = run.check("connectors.status", basiq_target(e.emu.base_url()),
                           yaml("{institutions: [AU99999]}"));
  REQUIRE(r.status == Status::warn);
  CHECK_THAT(r.summary, Catch::Contains("no connector for AU99999"));
}

TEST_CASE("connectors.status: a list cut in half fails", "[basiq][checks]") {
  Emu e({"bad-json"});
  Run run;
  CHECK(run.check("connectors.status", basiq_target(e.emu.base_url())).status == Status::fail);
}

TEST_CASE("jobs.recent-failures: a user whose jobs succeeded passes", "[basiq][checks]") {
  Emu e;
  prepare(e);
  Run run;
  const auto r = run.check("jobs.recent-failures", basiq_target(e.emu.base_url()),
                           yaml("{user_id: demo-user-0001}"));
  INFO(r.summary);
  CHECK(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("none of the 1 most recent jobs"));
}

TEST_CASE("jobs.recent-failures: failed jobs are a warning naming code, meaning and step",
          "[basiq][checks]") {
  Emu e({"jobs-failing"});
  prepare(e);
  Run run;
  const auto r = run.check("jobs.recent-failures", basiq_target(e.emu.base_url()),
                           yaml("{user_id: demo-user-0001}"));
  REQUIRE(r.status == Status::warn);
  CHECK_THAT(r.summary, Catch::Contains("1 of the 2 most recent jobs") &&
                            Catch::Contains("service-unavailable ×1") &&
                            Catch::Contains("at verify-credentials"));
  CHECK_THAT(r.fix, Catch::Contains("GET /connectors"));
}

TEST_CASE("jobs.recent-failures: an unknown user fails with 404, no user is a skip",
          "[basiq][checks]") {
  Emu e;
  Run run;
  const auto t = basiq_target(e.emu.base_url());
  CHECK(run.check("jobs.recent-failures", t, yaml("{user_id: nobody}")).status == Status::fail);
  CHECK(run.check("jobs.recent-failures", t).status == Status::skip);
}

TEST_CASE("jobs.recent-failures: a user id that would change the path is refused",
          "[basiq][checks]") {
  Run run;
  const auto* entry = builtin_registry().find("jobs.recent-failures", run.pack);
  CheckOptions opts("jobs.recent-failures", yaml("{user_id: ../token}"), SourceLoc{"p.yaml", 1, 1},
                    &run.pack);
  entry->make(opts);
  CHECK_THROWS(opts.finish());
}

TEST_CASE(
    "auth.client-scope: a SERVER_ACCESS request or the key in front-end code fails, "
    "never printing the key",
    "[basiq][checks]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("basiq-scope-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Run run;
  const auto t = basiq_target("https://au-api.basiq.io");
  const auto options = yaml("{paths: [" + dir.string() + "]}");
  {
    std::ofstream(dir / "app.js")
        << "fetch('/token', {body: 'scope=CLIENT_ACCESS&userId=' + id})\n";
  }
  auto r = run.check("auth.client-scope", t, options);
  CHECK(r.status == Status::pass);
  {
    std::ofstream(dir / "token.ts") << "const body = 'scope=SERVER_ACCESS';\n";
    std::ofstream(dir / "key.vue") << "<script>const k = '" << kKey << "'</script>\n";
  }
  r = run.check("auth.client-scope", t, options);
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("token.ts:1 asks for a SERVER_ACCESS token") &&
                            Catch::Contains("key.vue:1 contains credentials.api_key"));
  CHECK(all_text(r).find(kKey) == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE(
    "basiq faults: webhook-disabled fails webhook.registration, no-envelope fails "
    "api.error-model, bad-json fails api.smoke",
    "[basiq][checks]") {
  const std::string hook = "https://partner.example.com/hooks/basiq";
  auto with_hook = [&](Target t) {
    profile::WebhookConfig wh;
    wh.url = hook;
    t.profile.webhook = wh;
    t.webhook_url = hook;
    return t;
  };
  {
    Emu e;
    e.emu.prepare({kKey, "", hook});
    Run run;
    const auto r = run.check("webhook.registration", with_hook(basiq_target(e.emu.base_url())));
    INFO(r.summary);
    CHECK(r.status == Status::pass);
  }
  {
    Emu e({"webhook-disabled"});
    e.emu.prepare({kKey, "", hook});
    Run run;
    const auto r = run.check("webhook.registration", with_hook(basiq_target(e.emu.base_url())));
    INFO(r.summary);
    CHECK(r.status == Status::fail);
  }
  {
    Emu e;
    Run run;
    const auto r = run.check("api.error-model", basiq_target(e.emu.base_url()));
    INFO(r.summary);
    CHECK(r.status == Status::pass);
  }
  {
    Emu e({"no-envelope"});
    Run run;
    const auto r = run.check("api.error-model", basiq_target(e.emu.base_url()));
    INFO(r.summary);
    CHECK(r.status == Status::fail);
  }
  {
    Emu e({"bad-json"});
    Run run;
    CHECK(run.check("api.smoke", basiq_target(e.emu.base_url())).status == Status::fail);
  }
}
