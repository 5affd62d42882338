// webhook.events: the pack's realistic events (Bluum order.filled and a KYC event), signed,
// must be acknowledged; rejections count only when the control passed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

TEST_CASE("webhook.events: a correct receiver acknowledges Bluum's order.filled and KYC event",
          "[checks][webhook][events]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  const auto r = h.run("webhook.events", webhook_target(rx.url()));
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("order.filled: 200") &&
                            Catch::Contains("kyc.verification.approved: 200"));
  const auto seen = rx.seen();
  REQUIRE(seen.size() == 3);  // the control, then the two events
  const auto order = nlohmann::json::parse(seen[1].body);
  CHECK(order["event"] == "order.filled");
  CHECK(order["data"]["id"] == "ord_goliverun-test");
  CHECK(order["data"]["livemode"] == false);
  CHECK(order["timestamp"].get<std::string>().size() == 20);  // 2026-12-01T15:04:05Z
  CHECK(seen[1].verdict == "ok");
  CHECK(nlohmann::json::parse(seen[2].body)["event"] == "kyc.verification.approved");
  CHECK(seen[2].verdict == "ok");
}

TEST_CASE("webhook.events: a receiver that crashes on a real event fails",
          "[checks][webhook][events]") {
  TestReceiver rx(Mode::verifying);
  rx.answer_when("\"order.filled\"", 500);
  WebhookHarness h;
  const auto r = h.run("webhook.events", webhook_target(rx.url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("order.filled: 500"));
  CHECK_FALSE(r.fix.empty());
}

TEST_CASE("webhook.events: a refused real event fails only when the test event was accepted",
          "[checks][webhook][events]") {
  TestReceiver rx(Mode::verifying);
  rx.answer_when("kyc.verification", 422);
  WebhookHarness h;
  const auto t = webhook_target(rx.url());
  const auto r = h.run("webhook.events", t);
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("kyc.verification.approved: refused with 422"));

  // Without the control in the run, the same answer proves nothing.
  const auto alone = h.run_with("webhook.events", t, {});
  CHECK(alone.status == Status::inconclusive);
  CHECK_THAT(alone.summary, Catch::Contains("webhook.accepts-valid did not run"));
}

TEST_CASE("webhook.events: a receiver refusing everything (401) is inconclusive, not failed",
          "[checks][webhook][events]") {
  TestReceiver rx(Mode::verifying);
  rx.answer(401, 401);
  WebhookHarness h;
  const auto r = h.run("webhook.events", webhook_target(rx.url()));
  CHECK(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("did not pass"));
}

TEST_CASE("webhook.events: 404 and timeouts are inconclusive", "[checks][webhook][events]") {
  SECTION("404") {
    TestReceiver rx(Mode::accepts_all);
    rx.answer(404, 404);
    WebhookHarness h;
    const auto r = h.run("webhook.events", webhook_target(rx.url()));
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains("does not serve deliveries"));
  }
  SECTION("no answer") {
    RawSocket silent(true);
    WebhookHarness h;
    h.time = std::chrono::seconds(1);
    const auto r = h.run_with(
        "webhook.events", webhook_target("http://127.0.0.1:" + std::to_string(silent.port())), {});
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains("no answer"));
  }
}

TEST_CASE("webhook.events: planned, skipped without a webhook, tied to its checklist item",
          "[checks][webhook][events]") {
  WebhookHarness h;
  const auto& info = builtin_registry().find("webhook.events", h.pack)->info;
  CHECK(info.checklist_items == std::vector<std::string>{"lifecycle.webhook-events"});
  CHECK(info.prerequisites == std::vector<std::string>{"webhook.accepts-valid"});
  CHECK(info.side_effect == SideEffect::partner_endpoint);
  Target none = target(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
  CHECK(h.run_with("webhook.events", none, {}).status == Status::skip);
  REQUIRE(h.pack.webhook.events.size() == 2);
  CHECK(h.pack.webhook.events[0].type == "order.filled");
  CHECK(h.pack.webhook.events[1].type == "kyc.verification.approved");
}
