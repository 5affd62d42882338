#include <catch2/catch.hpp>

#include "engine/verdict.hpp"
#include "fake_check.hpp"

using namespace golive;
using namespace golive::testing;
using namespace std::chrono;

namespace {
ResultRow row(const std::string& id, Status s, bool blocking = true) {
  ResultRow r;
  r.info = info(id, SideEffect::static_only, {}, blocking);
  r.result = result(s);
  r.result.id = id;
  return r;
}
RunReport report_of(std::vector<ResultRow> rows) {
  RunReport rep;
  rep.rows = std::move(rows);
  return rep;
}
constexpr year_month_day kToday{year{2026}, month{11}, day{23}};
}  // namespace

TEST_CASE("verdict: a blocking failure is NOT READY (exit 1)", "[engine]") {
  auto rep = report_of({row("a.ok", Status::pass), row("b.bad", Status::fail)});
  decide(rep, {});
  REQUIRE(rep.verdict == Verdict::not_ready);
  REQUIRE(rep.exit_code == 1);
  REQUIRE_THAT(rep.reasons.at(0), Catch::Contains("b.bad failed"));
}

TEST_CASE("verdict: inconclusive without failure is INCONCLUSIVE (exit 3)", "[engine]") {
  auto rep = report_of({row("a.ok", Status::pass), row("b.net", Status::inconclusive)});
  decide(rep, {});
  REQUIRE(rep.verdict == Verdict::inconclusive);
  REQUIRE(rep.exit_code == 3);
}

TEST_CASE("verdict: advisory failures and warnings stay READY unless --strict", "[engine]") {
  auto rep = report_of({row("a.adv", Status::fail, false), row("b.warn", Status::warn)});
  decide(rep, {});
  REQUIRE(rep.exit_code == 0);
  auto strict = report_of({row("b.warn", Status::warn)});
  decide(strict, {true, false});
  REQUIRE(strict.exit_code == 1);
}

TEST_CASE("verdict: --report-only exits 0 but keeps the verdict", "[engine]") {
  auto rep = report_of({row("b.bad", Status::fail)});
  decide(rep, {false, true});
  REQUIRE(rep.verdict == Verdict::not_ready);
  REQUIRE(rep.exit_code == 0);
}

TEST_CASE("verdict: nothing ran is INCONCLUSIVE", "[engine]") {
  auto rep = report_of({});
  decide(rep, {});
  REQUIRE(rep.exit_code == 3);
}

TEST_CASE("waivers: a valid waiver turns a failure into waived; an expired one fails", "[engine]") {
  profile::Profile p;
  profile::Waiver w;
  w.check_id = "b.bad";
  w.approver = "cto@partner.example";
  w.ticket = "OPS-19";
  w.reason = "ships next sprint";
  w.expires = year_month_day{year{2026}, month{12}, day{31}};
  p.waivers.push_back(w);
  std::vector<ResultRow> rows{row("b.bad", Status::fail)};
  auto commitments = apply_commitments(p, rows, kToday);
  REQUIRE(rows[0].waived);
  RunReport rep = report_of(rows);
  rep.commitments = commitments;
  decide(rep, {});
  REQUIRE(rep.exit_code == 0);
  REQUIRE(rep.notes.at(0) == "1 waiver, 0 expiring in 14 days");

  p.waivers[0].expires = year_month_day{year{2026}, month{11}, day{1}};
  std::vector<ResultRow> rows2{row("b.bad", Status::fail)};
  auto expired = apply_commitments(p, rows2, kToday);
  REQUIRE_FALSE(rows2[0].waived);
  RunReport rep2 = report_of(rows2);
  rep2.commitments = expired;
  decide(rep2, {});
  REQUIRE(rep2.exit_code == 1);
  REQUIRE_THAT(rep2.reasons.back(), Catch::Contains("expired on 2026-11-01"));
}

TEST_CASE("checklist items: verified, failed, attested, not covered", "[engine]") {
  Checklist c;
  ChecklistSection s;
  s.number = 1;
  s.title = "S";
  s.items = {{"i.ok", "ok", "", {"a.ok"}, {}},
             {"i.bad", "bad", "", {"b.bad", "a.ok"}, {}},
             {"i.att", "att", "", {}, {"compliance.kyc"}},
             {"i.none", "none", "", {"future.check"}, {}}};
  c.sections.push_back(s);
  profile::Profile p;
  profile::Attestation a;
  a.id = "compliance.kyc";
  a.by = "ops@x";
  a.on = year_month_day{year{2026}, month{11}, day{1}};
  a.expires = year_month_day{year{2027}, month{5}, day{1}};
  p.attestations.push_back(a);
  std::vector<ResultRow> rows{row("a.ok", Status::pass), row("b.bad", Status::fail)};
  auto commitments = apply_commitments(p, rows, kToday);
  auto items = evaluate_items(c, rows, commitments, {"a.ok", "b.bad"});
  REQUIRE(items.size() == 4);
  REQUIRE(items[0].state == ItemState::verified);
  REQUIRE(items[1].state == ItemState::failed);
  REQUIRE(items[2].state == ItemState::attested);
  REQUIRE_THAT(items[2].detail, Catch::Contains("ops@x"));
  REQUIRE(items[3].state == ItemState::not_covered);
  REQUIRE_THAT(items[3].detail, Catch::Contains("planned: future.check"));
}

namespace {
/// One item proven by an API-side check and a client grade, like idempotency.deposits.
Checklist client_checklist() {
  Checklist c;
  ChecklistSection s;
  s.number = 2;
  s.title = "Idempotency keys implemented";
  ChecklistItem deposits{"idempotency.deposits",
                         "Every deposit sends an Idempotency-Key",
                         "",
                         {"idempotency.replay", "client.idempotency-keys"},
                         {}};
  deposits.client_grades = {"client.idempotency-keys"};
  ChecklistItem rate{"errors.rate-limit", "429 handled", "", {"client.backoff-jitter"}, {}};
  rate.client_grades = {"client.backoff-jitter"};
  s.items = {deposits, rate};
  c.sections.push_back(s);
  return c;
}
const std::vector<std::string> kRegistered{"idempotency.replay", "client.idempotency-keys",
                                           "client.backoff-jitter"};
}  // namespace

TEST_CASE("checklist items: API side proven while the client grade was skipped is partial",
          "[engine]") {
  std::vector<ResultRow> rows{row("idempotency.replay", Status::pass),
                              row("client.idempotency-keys", Status::skip),
                              row("client.backoff-jitter", Status::skip)};
  auto items = evaluate_items(client_checklist(), rows, {}, kRegistered);
  REQUIRE(items.size() == 2);
  CHECK(items[0].state == ItemState::partial);
  CHECK(to_string(items[0].state) == "partial");
  CHECK_THAT(items[0].detail, Catch::Contains("the API side is proven; the client was not graded "
                                              "(client.idempotency-keys)") &&
                                  Catch::Contains("run `audit`"));
  // Only client grades, all skipped: nothing was proven, so not covered (with the way out).
  CHECK(items[1].state == ItemState::not_covered);
  CHECK_THAT(items[1].detail, Catch::Contains("the client was not graded"));
}

TEST_CASE("checklist items: a client grade that was not run at all also leaves it partial",
          "[engine]") {
  std::vector<ResultRow> rows{row("idempotency.replay", Status::pass)};
  auto items = evaluate_items(client_checklist(), rows, {}, kRegistered);
  CHECK(items[0].state == ItemState::partial);
}

TEST_CASE("checklist items: with the client graded the item is verified or failed", "[engine]") {
  auto state_with = [](Status client) {
    std::vector<ResultRow> rows{row("idempotency.replay", Status::pass),
                                row("client.idempotency-keys", client)};
    return evaluate_items(client_checklist(), rows, {}, kRegistered)[0].state;
  };
  CHECK(state_with(Status::pass) == ItemState::verified);
  CHECK(state_with(Status::warn) == ItemState::verified);
  CHECK(state_with(Status::fail) == ItemState::failed);
  CHECK(state_with(Status::inconclusive) == ItemState::inconclusive);
  // A failing API side is failed whatever the client did.
  std::vector<ResultRow> rows{row("idempotency.replay", Status::fail),
                              row("client.idempotency-keys", Status::skip)};
  CHECK(evaluate_items(client_checklist(), rows, {}, kRegistered)[0].state == ItemState::failed);
}

TEST_CASE("verdict: a partial item is noted and changes neither verdict nor exit code",
          "[engine]") {
  auto rep = report_of(
      {row("idempotency.replay", Status::pass), row("client.idempotency-keys", Status::skip)});
  rep.items = evaluate_items(client_checklist(), rep.rows, {}, kRegistered);
  decide(rep, {});
  CHECK(rep.verdict == Verdict::ready);
  CHECK(rep.exit_code == 0);
  CHECK(rep.reasons.empty());
  REQUIRE(rep.notes.size() == 1);
  CHECK_THAT(rep.notes[0], Catch::StartsWith("1 checklist item partial: the API side is proven"));
  decide(rep, {true, false});  // --strict: partial is not a warning either
  CHECK(rep.exit_code == 0);
}
