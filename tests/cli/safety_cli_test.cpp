// The money-movement interlock (SPEC §5) through the real binary: sandbox-write checks aimed at
// production refuse with exit 4 before any request, --plan sends nothing, production runs
// rehearse against their sandbox profile, and the demo passes every rehearsal check.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_support.hpp"
#include "net/counting_server.hpp"
#include "providers/bluum/emulator/emulator.hpp"
#include "safety_support.hpp"

using namespace golive::testing;
using nlohmann::json;

TEST_CASE("safety: a production profile asking for a sandbox-write check exits 4, sends nothing",
          "[cli][safety]") {
  CountingServer counting;
  Scratch s("safety-prod");
  for (const std::string how : {"only", "profile"}) {
    INFO(how);
    const std::string extra =
        how == "profile" ? "checks:\n  idempotency.replay: {amount: \"1.00\"}\n" : "";
    auto profile =
        s.write("production.yaml", profile_text("production", counting.srv.url("/v1"), extra));
    std::vector<std::string> args{
        "check", "--profile", profile, "--only",
        how == "only" ? "idempotency.replay" : "idempotency.replay,credentials.present"};
    auto r = run_golive(args, kEnv);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("refused: idempotency.replay is a sandbox-write check") &&
                          Catch::Contains("production-kind"));
    CHECK_THAT(last_line(r.err), Catch::Contains("REFUSED (exit 4)"));
    require_clean(r);
  }
  CHECK(counting.requests == 0);
}

TEST_CASE("safety: a sandbox profile at a known production host exits 4 before sending",
          "[cli][safety]") {
  Scratch s("safety-host");
  for (const char* url :
       {"https://api.bluumfinance.com/v1", "https://service.bluumfinance.com/v1"}) {
    INFO(url);
    auto profile = s.write("sandbox.yaml", profile_text("sandbox", url));
    auto r = run_golive({"check", "--profile", profile}, kEnv);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 4);
    for (const auto& id : {"idempotency.replay", "idempotency.conflict", "idempotency.concurrent",
                           "idempotency.withdrawals", "lifecycle.rehearsal"}) {
      CHECK_THAT(r.err, Catch::Contains(std::string("refused: ") + id));
    }
    CHECK_THAT(r.err, Catch::Contains("is a known production host"));
    require_clean(r);
  }
}

TEST_CASE("safety: check --plan lists the writes and sends nothing of any kind", "[cli][safety]") {
  auto demo = run_golive({"check", "--env", "demo", "--plan"});
  INFO(demo.out << demo.err);
  REQUIRE(demo.exit_code == 0);
  CHECK_THAT(demo.out, Catch::Contains("idempotency.replay [sandbox-write]") &&
                           Catch::Contains("lifecycle.rehearsal [sandbox-write]"));
  CHECK(std::regex_search(
      demo.out, std::regex(R"(POST +\{base\}/investors/\{inv\}/deposits +sandbox-write)")));
  CHECK_THAT(demo.err, Catch::Contains("nothing was sent"));

  CountingServer counting;
  Scratch s("safety-plan");
  auto sandbox = s.write("sandbox.yaml", profile_text("sandbox", counting.srv.url("/v1")));
  auto plan = run_golive({"check", "--profile", sandbox, "--plan"}, kEnv);
  INFO(plan.out << plan.err);
  REQUIRE(plan.exit_code == 0);
  CHECK_THAT(plan.out, Catch::Contains(counting.srv.url("/v1/investors/{inv}/withdrawals")));
  auto prod = s.write("production.yaml", profile_text("production", counting.srv.url("/v1")));
  auto refused =
      run_golive({"check", "--profile", prod, "--plan", "--only", kRehearsalChecks}, kEnv);
  INFO(refused.out << refused.err);
  REQUIRE(refused.exit_code == 4);
  CHECK_THAT(refused.err, Catch::Contains("would be REFUSED (exit 4); nothing was sent"));
  CHECK(counting.requests == 0);
}

TEST_CASE("safety: a production run rehearses its sandbox-write checks on the sandbox profile",
          "[cli][safety]") {
  CountingServer production;
  golive::bluum::emulator::Options o;
  o.deliver_webhooks = false;
  golive::bluum::emulator::Emulator emu(o);
  emu.start();
  Scratch s("safety-rehearsal");
  s.write("sandbox.yaml", profile_text("sandbox", emu.base_url()));
  auto prod = s.write("production.yaml", profile_text("production", production.srv.url("/v1"),
                                                      "rehearsal: sandbox\n"));
  auto r = run_golive({"check", "--profile", prod, "--only",
                       "idempotency.replay,lifecycle.rehearsal", "--format", "json"},
                      kEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = json::parse(r.out);
  REQUIRE(j["checks"].size() == 2);
  for (const auto& c : j["checks"]) {
    CHECK(c["status"] == "pass");
    CHECK(c["environment"] == "sandbox");
  }
  CHECK(production.requests == 0);
  CHECK(emu.deposit_count(kKey) == 2);
  require_clean(r);
}

TEST_CASE("safety: check --env demo passes every rehearsal check", "[cli][safety]") {
  auto r = run_golive({"check", "--env", "demo", "--only", kRehearsalChecks, "--format", "json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = json::parse(r.out);
  REQUIRE(j["checks"].size() == 5);
  for (const auto& c : j["checks"]) {
    INFO(c.dump());
    CHECK(c["status"] == "pass");
  }
}

TEST_CASE("safety: with --fault no-idempotency the key proofs fail naming duplicate ids",
          "[cli][safety]") {
  golive::bluum::emulator::Options o;
  o.deliver_webhooks = false;
  o.faults = {"no-idempotency"};
  golive::bluum::emulator::Emulator emu(o);
  emu.start();
  Scratch s("safety-fault");
  auto profile = s.write("sandbox.yaml", profile_text("sandbox", emu.base_url()));
  auto r = run_golive(
      {"check", "--profile", profile, "--only", kRehearsalChecks, "--format", "json"}, kEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  const auto j = json::parse(r.out);
  for (const auto& c : j["checks"]) {
    INFO(c.dump());
    const auto summary = c["summary"].get<std::string>();
    if (c["id"] == "lifecycle.rehearsal") {
      CHECK(c["status"] == "pass");
      continue;
    }
    CHECK(c["status"] == "fail");
    CHECK(std::regex_search(
        summary, std::regex(R"((dep|wd)_\w+ .*and (dep|wd)_\w+ .*created for key golive-)")));
  }
  require_clean(r);
}
