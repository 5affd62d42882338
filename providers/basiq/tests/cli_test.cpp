// The Basiq pack through the real binary: list, explain, init, validate, the plan of a basiq
// profile, and the built-in demo run offline against the embedded emulator.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "support/process.hpp"

using namespace golive::testing;

TEST_CASE("basiq cli: list --provider basiq shows Basiq's checks and none of Bluum's",
          "[basiq][cli]") {
  auto l = run_golive({"list", "--provider", "basiq"});
  INFO(l.out << l.err);
  REQUIRE(l.exit_code == 0);
  CHECK_THAT(l.out, Catch::Contains("auth.token") && Catch::Contains("connectors.status") &&
                        Catch::Contains("jobs.recent-failures") &&
                        Catch::Contains("auth.client-scope") &&
                        Catch::Contains("webhook.registration"));
  CHECK_THAT(l.out, !Catch::Contains("api.livemode") && !Catch::Contains("idempotency.replay"));
  auto e = run_golive({"explain", "auth.token", "--provider", "basiq"});
  INFO(e.out << e.err);
  REQUIRE(e.exit_code == 0);
  CHECK_THAT(e.out, Catch::Contains("SERVER_ACCESS"));
}

TEST_CASE("basiq cli: init --provider basiq writes a profile that validates", "[basiq][cli]") {
  Scratch s("basiq-init");
  auto cfg = (s.path / "config").string();
  auto r = run_golive({"init", "--provider", "basiq", "--env", "production", "--config-dir", cfg});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto text = s.read("config/profiles/production.yaml");
  CHECK_THAT(text, Catch::Contains("provider: basiq") && Catch::Contains("au-api.basiq.io") &&
                       Catch::Contains("{env: BASIQ_API_KEY}"));
  CHECK_THAT(text, !Catch::Contains("/v1"));
  auto v =
      run_golive({"validate", "--profile", s.path.string() + "/config/profiles/production.yaml"},
                 {{"BASIQ_API_KEY", "Y2FuYXJ5LWlkOnNlY3JldA=="},
                  {"BASIQ_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
                  {"BASIQ_SANDBOX_API_KEY", "c2FuZGJveC1pZDpzZWNyZXQ="},
                  {"BASIQ_SANDBOX_WEBHOOK_SECRET", "whsec_NfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  // The written profiles plan no write toward Basiq's one host: the plan is not refused.
  auto plan = run_golive(
      {"check", "--profile", s.path.string() + "/config/profiles/production.yaml", "--plan"});
  INFO(plan.out << plan.err);
  CHECK(plan.exit_code == 0);
  CHECK_THAT(plan.out, Catch::Contains("https://au-api.basiq.io/token") &&
                           !Catch::Contains("jobs.rehearsal"));
}

TEST_CASE("basiq cli: the plan of a basiq profile holds the token request and no Bluum check",
          "[basiq][cli]") {
  auto r = run_golive({"check", "--env", "basiq-demo", "--plan"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("auth.token") && Catch::Contains("{base}/token") &&
                        Catch::Contains("{base}/connectors"));
  CHECK_THAT(r.out, !Catch::Contains("api.livemode") && !Catch::Contains("lifecycle.rehearsal") &&
                        !Catch::Contains("/v1"));
}

TEST_CASE("basiq cli: check --env basiq-demo runs offline and is READY", "[basiq][cli]") {
  Scratch s("basiq-demo");
  auto r = run_golive_in(s.path.string(), {"check", "--env", "basiq-demo"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(last_line(r.err) == "VERDICT: READY (exit 0)");
  CHECK_THAT(r.out, Catch::Contains("Basiq go-live checklist") && Catch::Contains("auth.token") &&
                        Catch::Contains("connectors.status"));
}
