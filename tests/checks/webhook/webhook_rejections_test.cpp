// What a webhook rejection means (SPEC §6): a 4xx other than 404/405/408/413/429, counted only
// when webhook.accepts-valid passed in the same run. Receivers on 127.0.0.1 run through the real
// runner, and the checklist item "Signatures verified" is evaluated from the rows.
#include <catch2/catch.hpp>

#include "engine/packs.hpp"
#include "engine/runner.hpp"
#include "engine/verdict.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

const std::vector<std::string> kRejectChecks{
    "webhook.rejects-tampered", "webhook.rejects-wrong-secret", "webhook.rejects-unsigned",
    "webhook.rejects-stale", "webhook.rejects-future"};

/// Check results and checklist item states of one run.
struct WebhookRun {
  std::map<std::string, CheckResult> checks;
  std::map<std::string, ItemState> items;
};

/// Runs `only` (default: every delivery check) through plan_checks/run_checks against `t`, and
/// evaluates Bluum's checklist from the rows.
WebhookRun run_through_runner(const Target& t,
                              const std::vector<std::string>& only = delivery_checks()) {
  WebhookHarness h;
  RunOptions o;
  o.pack = &h.pack;
  o.only = only;
  o.timeout = std::chrono::seconds(20);
  auto plan = plan_checks(builtin_registry(), t, nullptr, o);
  RunServices services{h.pack,  h.http, SystemClock::instance(), h.log, "run-test", "", {}, {},
                       &h.http, ""};
  const auto out = run_checks(plan, services, o);
  REQUIRE(out.abandoned == 0);
  WebhookRun w;
  for (const auto& row : out.rows) w.checks[row.result.id] = row.result;
  const auto& checklist = provider_checklist("bluum");
  for (const auto& it :
       evaluate_items(checklist, out.rows, {}, builtin_registry().ids_for(h.pack))) {
    w.items[it.item.id] = it.state;
  }
  return w;
}

CheckResult failed_control() {
  CheckResult r;
  r.id = "webhook.accepts-valid";
  r.status = Status::fail;
  r.summary = "a correctly signed golive.test event was answered 401 (in 3 ms)";
  return r;
}

}  // namespace

TEST_CASE("webhook rejections: a correct receiver passes every check and verifies the item",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  const auto w = run_through_runner(webhook_target(rx.url()));
  REQUIRE(w.checks.size() == delivery_checks().size());
  for (const auto& [id, r] : w.checks) {
    INFO(id << ": " << r.summary);
    CHECK(r.status == Status::pass);
  }
  CHECK(w.items.at("webhooks.signatures") == ItemState::verified);
  CHECK(w.items.at("webhooks.fast-ack") == ItemState::verified);
  CHECK(w.items.at("webhooks.duplicates") == ItemState::verified);
  // The control delivery came first: the runner ran webhook.accepts-valid before any rejection.
  const auto seen = rx.seen();
  const auto valid = std::find_if(seen.begin(), seen.end(), [](const Seen& s) {
    return s.body.find("_valid\"") != std::string::npos;
  });
  const auto tampered = std::find_if(seen.begin(), seen.end(), [](const Seen& s) {
    return s.body.find("_tampered\"") != std::string::npos;
  });
  REQUIRE(valid != seen.end());
  REQUIRE(tampered != seen.end());
  CHECK(valid < tampered);
}

TEST_CASE("webhook rejections: a receiver answering 404 to everything verifies nothing",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  rx.answer(404, 404);
  const auto w = run_through_runner(webhook_target(rx.url()));
  const auto& valid = w.checks.at("webhook.accepts-valid");
  CHECK(valid.status == Status::fail);
  CHECK_THAT(valid.summary, Catch::Contains("answered 404") &&
                                Catch::Contains("the URL does not serve deliveries"));
  CHECK_THAT(valid.fix, Catch::Contains("webhook.url"));
  for (const auto& id : kRejectChecks) {
    INFO(id);
    const auto& r = w.checks.at(id);
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains("the URL does not serve deliveries (404)"));
  }
  CHECK(w.checks.at("webhook.duplicate").status == Status::inconclusive);
  CHECK(w.items.at("webhooks.signatures") == ItemState::inconclusive);
  CHECK(w.items.at("webhooks.fast-ack") == ItemState::failed);
}

TEST_CASE("webhook rejections: a receiver answering 500 to every bad signature crashed",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  rx.answer(200, 500);
  const auto w = run_through_runner(webhook_target(rx.url()));
  CHECK(w.checks.at("webhook.accepts-valid").status == Status::pass);
  CHECK(w.checks.at("webhook.duplicate").status == Status::pass);
  for (const auto& id : kRejectChecks) {
    INFO(id);
    const auto& r = w.checks.at(id);
    CHECK(r.status == Status::fail);
    CHECK_THAT(r.summary,
               Catch::Contains("crashed instead of rejecting") && Catch::Contains("(500)"));
    CHECK_THAT(r.fix, Catch::Contains("answer 4xx"));
  }
  CHECK(w.items.at("webhooks.signatures") == ItemState::failed);
  CHECK(w.items.at("webhooks.fast-ack") == ItemState::verified);
}

TEST_CASE("webhook rejections: a receiver answering 401 to everything proves nothing",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  rx.answer(401, 401);
  const auto w = run_through_runner(webhook_target(rx.url()));
  CHECK(w.checks.at("webhook.accepts-valid").status == Status::fail);
  for (const auto& id : kRejectChecks) {
    INFO(id);
    const auto& r = w.checks.at(id);
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains("was answered 401, but webhook.accepts-valid did not "
                                          "pass (fail), so a rejection proves nothing"));
    REQUIRE_FALSE(r.evidence.empty());
    CHECK(r.evidence.back().label == "control: webhook.accepts-valid");
    CHECK_THAT(r.evidence.back().observed, Catch::StartsWith("fail: "));
  }
  CHECK(w.items.at("webhooks.signatures") == ItemState::inconclusive);
}

TEST_CASE("webhook rejections: without webhook.accepts-valid in the run they are inconclusive",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  const auto w = run_through_runner(webhook_target(rx.url()), {"webhook.rejects-tampered"});
  const auto& r = w.checks.at("webhook.rejects-tampered");
  CHECK(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, !Catch::Contains("was rejected") &&
                            Catch::Contains("webhook.accepts-valid did not run"));
  CHECK(w.items.at("webhooks.signatures") == ItemState::inconclusive);
  // The spoiled delivery was still sent (a 2xx to it would have been a finding).
  CHECK(rx.seen().size() == 1);
}

TEST_CASE("webhook rejections: an accepted bad delivery fails whatever the control says",
          "[checks][webhook]") {
  TestReceiver rx(Mode::accepts_all);
  WebhookHarness h;
  const auto t = webhook_target(rx.url());
  for (const std::string id : {"webhook.rejects-tampered", "webhook.rejects-unsigned"}) {
    INFO(id);
    CHECK(h.run_with(id, t, {{"webhook.accepts-valid", failed_control()}}).status == Status::fail);
    CHECK(h.run_with(id, t, {}).status == Status::fail);
  }
}

TEST_CASE("webhook rejections: statuses that are not rejections are inconclusive with why",
          "[checks][webhook]") {
  const std::vector<std::pair<int, std::string>> cases{
      {405, "the URL does not serve deliveries (405)"},
      {408, "timed out reading the request (408)"},
      {413, "refused the body size (413)"},
      {429, "rate limiting (429)"},
      {302, "a redirect (302) is not an answer"}};
  for (const auto& [status, why] : cases) {
    INFO(status);
    TestReceiver rx(Mode::verifying);
    rx.answer(200, status);
    WebhookHarness h;
    const auto r = h.run("webhook.rejects-wrong-secret", webhook_target(rx.url()));
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains(why));
  }
  for (const int status : {400, 401, 403, 422}) {
    INFO(status);
    TestReceiver rx(Mode::verifying);
    rx.answer(200, status);
    WebhookHarness h;
    const auto r = h.run("webhook.rejects-wrong-secret", webhook_target(rx.url()));
    CHECK(r.status == Status::pass);
    CHECK(r.summary == "the wrong-secret delivery was rejected with " + std::to_string(status));
  }
}

TEST_CASE("webhook.accepts-valid: a rate-limited answer is inconclusive", "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  rx.answer(429, 400);
  WebhookHarness h;
  const auto r = h.run("webhook.accepts-valid", webhook_target(rx.url()));
  CHECK(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("rate limiting (429)"));
}

TEST_CASE("webhook.duplicate: a rate-limited repeat is inconclusive, a crashed one fails",
          "[checks][webhook]") {
  TestReceiver limited(Mode::rejects_repeat);
  limited.answer_repeat(429);
  WebhookHarness h;
  const auto r = h.run("webhook.duplicate", webhook_target(limited.url()));
  CHECK(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("the identical repeat 429: the receiver is rate limiting"));

  TestReceiver crashing(Mode::rejects_repeat);
  crashing.answer_repeat(500);
  const auto c = h.run("webhook.duplicate", webhook_target(crashing.url()));
  CHECK(c.status == Status::fail);
  CHECK(c.summary == "the first delivery was answered 200, the identical repeat 500");
}

TEST_CASE("webhook.rejects-*: each declares webhook.accepts-valid as its prerequisite",
          "[checks][webhook]") {
  for (const auto& id : delivery_checks()) {
    INFO(id);
    const auto& info = builtin_registry().find(id)->info;
    const bool rejects = id.rfind("webhook.rejects-", 0) == 0;
    CHECK(info.prerequisites == (rejects ? std::vector<std::string>{"webhook.accepts-valid"}
                                         : std::vector<std::string>{}));
  }
}
