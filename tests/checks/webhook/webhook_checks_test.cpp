// webhook.* verdicts against in-process receivers: correct, lenient, slow, stopped (SPEC §6).
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

YAML::Node custom_config() {
  return YAML::Load(R"({signature_header: X-Partner-Signature, timestamp_header: X-Partner-Time,
    signed_template: "{timestamp}:{body}", signature_prefix: "sha256=", digest: hex,
    key_encoding: base64, key_prefix: whsec_, tolerance: two_sided})");
}

}  // namespace

TEST_CASE(
    "webhook.*: a correct receiver passes every delivery check in every scheme (stripe: future "
    "only warns)",
    "[checks][webhook]") {
  for (const std::string scheme : {"standard", "stripe", "blockchain0x", "custom"}) {
    INFO(scheme);
    const YAML::Node custom = scheme == "custom" ? custom_config() : YAML::Node();
    TestReceiver rx(Mode::verifying, scheme, custom);
    WebhookHarness h;
    for (const auto& id : delivery_checks()) {
      INFO(id);
      const auto r = h.run(id, webhook_target(rx.url(), scheme, EnvKind::sandbox, custom));
      INFO(r.summary);
      // Stripe's own verification accepts future timestamps: advisory only (peers.md §4.2).
      const bool lenient = scheme == "stripe" && id == "webhook.rejects-future";
      CHECK(r.status == (lenient ? Status::warn : Status::pass));
      CHECK_THAT(all_text(r), !Catch::Contains(kWebhookSecret));
    }
  }
}

TEST_CASE("webhook.*: each bad delivery is spoiled exactly as intended", "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  const auto t = webhook_target(rx.url());
  const std::vector<std::pair<std::string, std::string>> expected{
      {"webhook.accepts-valid", "ok"},
      {"webhook.rejects-tampered", "signature_mismatch"},
      {"webhook.rejects-wrong-secret", "signature_mismatch"},
      {"webhook.rejects-unsigned", "signature_missing"},
      {"webhook.rejects-stale", "timestamp_too_old"},
      {"webhook.rejects-future", "timestamp_too_new"}};
  for (const auto& [id, code] : expected) {
    INFO(id);
    REQUIRE(h.run(id, t).status == Status::pass);
    const auto seen = rx.seen();
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back().verdict == code);
  }
}

TEST_CASE("webhook.*: a receiver that skips verification fails the signature checks",
          "[checks][webhook]") {
  TestReceiver rx(Mode::accepts_all);
  WebhookHarness h;
  const auto t = webhook_target(rx.url());
  for (const std::string id :
       {"webhook.rejects-tampered", "webhook.rejects-wrong-secret", "webhook.rejects-unsigned",
        "webhook.rejects-stale", "webhook.rejects-future"}) {
    INFO(id);
    const auto r = h.run(id, t);
    CHECK(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains("was accepted with 200"));
    CHECK_FALSE(r.fix.empty());
    CHECK_THAT(all_text(r), !Catch::Contains(kWebhookSecret));
  }
  CHECK(h.run("webhook.accepts-valid", t).status == Status::pass);
  CHECK(h.run("webhook.duplicate", t).status == Status::pass);
}

TEST_CASE("webhook.rejects-future: accepting a future timestamp only warns for stripe",
          "[checks][webhook]") {
  TestReceiver rx(Mode::accepts_all, "stripe");
  WebhookHarness h;
  const auto r = h.run("webhook.rejects-future", webhook_target(rx.url(), "stripe"));
  CHECK(r.status == Status::warn);
  CHECK_THAT(r.fix, Catch::Contains("stripe scheme's libraries only reject stale"));
  CHECK(h.run("webhook.rejects-stale", webhook_target(rx.url(), "stripe")).status == Status::fail);
}

TEST_CASE("webhook.accepts-valid: an answer later than the budget fails with the latency",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying, "standard", {}, 300, std::chrono::milliseconds(1500));
  WebhookHarness h;
  auto t = webhook_target(rx.url());
  t.profile.webhook->response_budget_s = 1;
  const auto r = h.run("webhook.accepts-valid", t);
  INFO(r.summary);
  CHECK(r.status == Status::fail);
  CHECK_THAT(r.summary,
             Catch::Matches("answered 200 after 1[5-9][0-9][0-9] ms, over the 1 s budget"));
  REQUIRE(r.evidence.size() == 2);
  REQUIRE(r.evidence[1].latency_ms);
  CHECK(*r.evidence[1].latency_ms >= 1500);
  CHECK_THAT(r.fix, Catch::Contains("asynchronously"));
}

TEST_CASE("webhook.accepts-valid: no answer at all within the budget fails", "[checks][webhook]") {
  RawSocket silent(true);
  WebhookHarness h;
  auto t = webhook_target(silent.url("/hooks"));
  t.profile.webhook->response_budget_s = 1;
  const auto r = h.run("webhook.accepts-valid", t);
  CHECK(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::StartsWith("no answer within the 1 s budget (gave up after"));
}

TEST_CASE("webhook.accepts-valid: a rejected valid delivery fails", "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  auto t = webhook_target(rx.url());
  t.webhook_secret = resolved("whsec_T1RIRVJLRVktMDEyMzQ1Njc4OWFi", "env OTHER");
  const auto r = h.run("webhook.accepts-valid", t);
  CHECK(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("golive.test event was answered 400"));
  CHECK_THAT(r.fix, Catch::Contains("same secret and scheme"));
  CHECK(h.run("webhook.duplicate", t).status == Status::inconclusive);
}

TEST_CASE("webhook.duplicate: a repeat answered 409 fails", "[checks][webhook]") {
  TestReceiver rx(Mode::rejects_repeat);
  WebhookHarness h;
  const auto r = h.run("webhook.duplicate", webhook_target(rx.url()));
  CHECK(r.status == Status::fail);
  CHECK(r.summary == "the first delivery was answered 200, the identical repeat 409");
  REQUIRE(rx.seen().size() == 2);
  CHECK(rx.seen()[0].body == rx.seen()[1].body);
  CHECK(rx.seen()[0].headers.get("webhook-id") == rx.seen()[1].headers.get("webhook-id"));
}

TEST_CASE("webhook.*: a stopped endpoint is inconclusive with the connect error",
          "[checks][webhook]") {
  RawSocket closed(false);
  WebhookHarness h;
  const auto t = webhook_target(closed.url("/hooks"));
  for (const auto& id : delivery_checks()) {
    INFO(id);
    const auto r = h.run(id, t);
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains("connect: "));
    CHECK_THAT(r.summary, Catch::Contains(std::to_string(closed.port())));
  }
}

TEST_CASE("webhook.*: skip without a webhook section; inconclusive without a secret",
          "[checks][webhook]") {
  WebhookHarness h;
  auto bare = target(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
  auto unresolved_secret = webhook_target("http://127.0.0.1:9/hooks");
  unresolved_secret.webhook_secret = unresolved("environment variable HOOK_SECRET is not set");
  auto bad_shape = webhook_target("http://127.0.0.1:9/hooks");
  bad_shape.webhook_secret = resolved("not base64!", "env HOOK_SECRET");
  for (const auto& id : delivery_checks()) {
    INFO(id);
    CHECK(h.run(id, bare).status == Status::skip);
    const auto r = h.run(id, unresolved_secret);
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary,
               Catch::Contains("HOOK_SECRET is not set") && Catch::Contains("credentials.present"));
    const auto s = h.run(id, bad_shape);
    CHECK(s.status == Status::inconclusive);
    CHECK_THAT(s.summary, Catch::Contains("does not fit the standard scheme"));
  }
}
