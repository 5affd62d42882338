// idempotency.replay, .conflict, .concurrent and .withdrawals against the in-process emulator:
// pass, fail under --fault no-idempotency (evidence names the duplicate ids), and the
// kill-and-rerun acceptance of stable rehearsal ids.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

const std::string kDup = R"(dep_[a-z2-7]{20} and dep_[a-z2-7]{20} created for key )";

bool matches(const std::string& text, const std::string& pattern) {
  return std::regex_search(text, std::regex(pattern));
}

}  // namespace

TEST_CASE("idempotency.replay: a replayed deposit answers the original; one deposit",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  const auto r = h.run("idempotency.replay", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("Idempotency-Key golive-run-test-idempotency.replay-"
                                        "deposit: sent twice, both answered dep_") &&
                            Catch::Contains("grew by exactly one") &&
                            Catch::Contains("cleanup: cancelled dep_"));
  CHECK(e.deposits() == 1);
  require_request_ids(r);
  require_no_secret(r);
}

TEST_CASE("idempotency.replay: no-idempotency fails naming both deposit ids",
          "[checks][idempotency]") {
  Emu e({"no-idempotency"});
  Rehearsal h;
  const auto r = h.run("idempotency.replay", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::fail);
  CHECK(matches(r.summary, kDup + "golive-run-test-idempotency.replay-deposit"));
  CHECK_THAT(r.summary, Catch::Contains("the deposit list grew by 2"));
  CHECK_THAT(r.fix, Catch::Contains("Idempotency-Key header"));
  CHECK(e.deposits() == 2);
  require_no_secret(r);
}

TEST_CASE("idempotency.replay: ach deposits go through the rehearsal's funding source",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  const auto r =
      h.run("idempotency.replay", rehearsal_target(e.emu.base_url()), YAML::Load("{method: ach}"));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("is completed and cannot be cancelled"));
  bool linked = false;
  for (const auto& ev : r.evidence) linked |= ev.label == "POST /investors/{inv}/funding-sources";
  CHECK(linked);
}

TEST_CASE("idempotency.conflict: the same key with another amount is refused 409",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  const auto r = h.run("idempotency.conflict", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("amount 2.00 USD with the same key was refused 409 "
                                        "BLUM-409-002"));
  CHECK(r.evidence.at(r.evidence.size() - 3).status == 409);
  CHECK(e.deposits() == 1);
  require_request_ids(r);
}

TEST_CASE("idempotency.conflict: no-idempotency fails naming both deposits and amounts",
          "[checks][idempotency]") {
  Emu e({"no-idempotency"});
  Rehearsal h;
  const auto r = h.run("idempotency.conflict", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::fail);
  CHECK(matches(r.summary, R"(dep_\w+ \(1\.00 USD\) and dep_\w+ \(2\.00 USD\) created for key )"
                           R"(golive-run-test-idempotency\.conflict-deposit)"));
  CHECK(e.deposits() == 2);
}

TEST_CASE("idempotency.concurrent: eight requests at once create one deposit",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  const auto r = h.run("idempotency.concurrent", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("8 identical deposits with Idempotency-Key") &&
                            Catch::Contains("created one: dep_"));
  CHECK(e.deposits() == 1);
  require_request_ids(r);
}

TEST_CASE("idempotency.concurrent: no-idempotency fails naming every duplicate",
          "[checks][idempotency]") {
  Emu e({"no-idempotency"});
  Rehearsal h;
  const auto r = h.run("idempotency.concurrent", rehearsal_target(e.emu.base_url()),
                       YAML::Load("{requests: 4}"));
  INFO(r.summary);
  REQUIRE(r.status == Status::fail);
  CHECK(matches(r.summary, R"((dep_\w+, ){2}dep_\w+ and dep_\w+ created for key )"
                           R"(golive-run-test-idempotency\.concurrent-deposit by 4 requests)"));
  CHECK(e.deposits() == 4);
}

TEST_CASE("idempotency.withdrawals: one withdrawal per key, 409 for another amount",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  const auto r = h.run("idempotency.withdrawals", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("both answered wd_") &&
                            Catch::Contains("refused 409 BLUM-409-002") &&
                            Catch::Contains("cleanup: cancelled wd_"));
  CHECK(e.withdrawals() == 1);
  CHECK(e.deposits() == 1);  // the funding deposit
  require_request_ids(r);
}

TEST_CASE("idempotency.withdrawals: no-idempotency fails naming the duplicate withdrawals",
          "[checks][idempotency]") {
  Emu e({"no-idempotency"});
  Rehearsal h;
  const auto r = h.run("idempotency.withdrawals", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::fail);
  CHECK(matches(r.summary, R"(wd_\w+ and wd_\w+ created for key )"
                           R"(golive-run-test-idempotency\.withdrawals-withdrawal)"));
  CHECK(e.withdrawals() == 3);
}

TEST_CASE("idempotency.replay: re-running a killed rehearsal creates no second deposit",
          "[checks][idempotency][rerun]") {
  Emu e;
  const auto options = YAML::Load("{rehearsal_id: cutover-1}");
  Rehearsal killed;
  killed.run_id = "run-one";
  killed.kill_after = 3;  // investor, list, the first deposit: then the process "dies"
  const auto first = killed.run("idempotency.replay", rehearsal_target(e.emu.base_url()), options);
  REQUIRE(first.status == Status::inconclusive);
  REQUIRE(e.deposits() == 1);

  Rehearsal again;
  again.run_id = "run-two";
  const auto r = again.run("idempotency.replay", rehearsal_target(e.emu.base_url()), options);
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("golive-cutover-1-idempotency.replay-deposit") &&
                            Catch::Contains("already existed from an earlier run of rehearsal "
                                            "cutover-1, nothing new was created"));
  CHECK(e.deposits() == 1);
}

TEST_CASE("idempotency.replay: without rehearsal_id each run is a new rehearsal",
          "[checks][idempotency][rerun]") {
  Emu e;
  for (const char* run : {"run-a", "run-b"}) {
    Rehearsal h;
    h.run_id = run;
    REQUIRE(h.run("idempotency.replay", rehearsal_target(e.emu.base_url())).status == Status::pass);
  }
  CHECK(e.deposits() == 2);
}

TEST_CASE("idempotency.conflict: refused credentials fail with the code's fix",
          "[checks][idempotency]") {
  Emu e({}, std::make_pair(std::string("other"), std::string("pair")));
  Rehearsal h;
  const auto r = h.run("idempotency.conflict", rehearsal_target(e.emu.base_url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("POST /investors answered 401 BLUM-401-003"));
  CHECK_FALSE(r.fix.empty());
  CHECK(e.deposits() == 0);
  require_no_secret(r);
}

TEST_CASE("idempotency.replay: an unresolved credential sends nothing", "[checks][idempotency]") {
  Harness h;  // NoNetwork: any send would come back as a policy error
  auto t = target(EnvKind::sandbox, "http://127.0.0.1:9/v1");
  t.credentials["api_key"] = unresolved("BLUUM_API_KEY is not set");
  const auto r = h.run("idempotency.replay", t);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("credential api_key is not resolved, so nothing was sent"));
}
