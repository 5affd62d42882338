// What the webhook.* checks send and say: the test event, evidence, options, custom scheme
// config, HTTPS, and the emulator's reference receiver with its faults.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "checks/webhook/delivery.hpp"
#include "net/self_signed.hpp"
#include "providers/bluum/emulator/emulator.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;

TEST_CASE("webhook delivery: the test event is the documented JSON, tied to the run",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  REQUIRE(h.run("webhook.accepts-valid", webhook_target(rx.url())).status == Status::pass);
  const auto seen = rx.seen().at(0);
  const auto j = nlohmann::json::parse(seen.body);
  CHECK(j["id"] == "evt_golive_run-test_valid");
  CHECK(j["type"] == "golive.test");
  CHECK(j["livemode"] == false);
  CHECK(j["data"]["note"] == "bluum-golive readiness test; acknowledge and ignore");
  CHECK(seen.headers.get("webhook-id") == "msg_golive_run-test_valid");
  CHECK(seen.headers.get("webhook-timestamp") == std::to_string(j["created"].get<long>()));
  CHECK(seen.headers.get("content-type") == "application/json");
}

TEST_CASE("webhook.rejects-tampered: one body byte differs and the evidence says which",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  const auto r = h.run("webhook.rejects-tampered", webhook_target(rx.url()));
  REQUIRE(r.status == Status::pass);
  CHECK(r.summary == "the tampered delivery was rejected with 400");
  const std::string body = rx.seen().back().body;
  const auto j = nlohmann::json::parse(body);  // still valid JSON
  CHECK(j["type"] == "golive.test");
  const auto original =
      checks::wh::test_event_body("evt_golive_run-test_tampered", "golive.test",
                                  std::stoll(*rx.seen().back().headers.get("webhook-timestamp")));
  REQUIRE(original.size() == body.size());
  size_t diffs = 0, at = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != original[i]) ++diffs, at = i;
  }
  CHECK(diffs == 1);
  REQUIRE(r.evidence.size() == 2);
  CHECK_THAT(r.evidence[0].observed,
             Catch::Contains("body byte " + std::to_string(at) + " (last digit of \"created\")") &&
                 Catch::Contains("type golive.test") && Catch::Contains("webhook-signature"));
  CHECK(r.evidence[1].method == "POST");
  CHECK(r.evidence[1].status == 400);
  CHECK(r.evidence[1].latency_ms.has_value());
}

TEST_CASE("webhook.rejects-unsigned: only the signature header is left out", "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  const auto r = h.run("webhook.rejects-unsigned", webhook_target(rx.url()));
  REQUIRE(r.status == Status::pass);
  const auto headers = rx.seen().back().headers;
  CHECK_FALSE(headers.get("webhook-signature"));
  CHECK(headers.get("webhook-id"));
  CHECK(headers.get("webhook-timestamp"));
  CHECK_THAT(r.evidence[0].observed, Catch::Contains("the webhook-signature header was left out"));
}

TEST_CASE("webhook.*: option event_type changes the event; a bad one is refused",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  const auto r = h.run("webhook.accepts-valid", webhook_target(rx.url()),
                       YAML::Load("{event_type: partner.ping}"));
  REQUIRE(r.status == Status::pass);
  CHECK(nlohmann::json::parse(rx.seen().at(0).body)["type"] == "partner.ping");
  CHECK_THROWS_AS(
      h.run("webhook.duplicate", webhook_target(rx.url()), YAML::Load("{event_type: 'two words'}")),
      ConfigError);
}

TEST_CASE("webhook.*: descriptions map to the checklist", "[checks][webhook]") {
  const auto& reg = builtin_registry();
  for (const auto& id : delivery_checks()) {
    const auto& info = reg.find(id)->info;
    CHECK(info.side_effect == SideEffect::partner_endpoint);
    CHECK(info.environments.empty());
    CHECK(info.doc == "checks/webhook/" + id.substr(8) + ".md");
  }
  CHECK(reg.find("webhook.accepts-valid")->info.checklist_items ==
        std::vector<std::string>{"webhooks.fast-ack"});
  CHECK(reg.find("webhook.duplicate")->info.checklist_items ==
        std::vector<std::string>{"webhooks.duplicates"});
  CHECK(reg.find("webhook.rejects-stale")->info.checklist_items ==
        std::vector<std::string>{"webhooks.signatures"});
  const auto& https = reg.find("webhook.https")->info;
  CHECK(https.environments == std::vector<EnvKind>{EnvKind::production});
  CHECK(https.checklist_items == std::vector<std::string>{"webhooks.https"});
}

TEST_CASE("webhook custom scheme config: read from YAML, errors name the key",
          "[checks][webhook]") {
  const auto c = checks::wh::custom_scheme_config(YAML::Load(
      R"({signature_header: X-Sig, signed_template: "{body}", digest: base64, tolerance: past_only,
          key_encoding: base64, key_prefix: key_, signature_prefix: ""})"));
  CHECK(c.signature_header == "X-Sig");
  CHECK(c.digest == webhook::DigestEncoding::base64);
  CHECK(c.tolerance == webhook::ToleranceMode::past_only);
  CHECK(checks::wh::make_scheme_setup("custom", YAML::Load(R"({signature_header: X-Sig,
      signed_template: "{body}", key_encoding: base64, key_prefix: key_})"))
            .secret_prefix == "key_");
  using Catch::Contains;
  CHECK_THROWS_WITH(checks::wh::custom_scheme_config(YAML::Load("{signature_header: X}")),
                    Contains("missing required key 'signed_template'"));
  CHECK_THROWS_WITH(checks::wh::custom_scheme_config(YAML::Load(
                        R"({signature_header: X, signed_template: "{body}", dgest: hex})")),
                    Contains("unknown key 'dgest'"));
  CHECK_THROWS_WITH(checks::wh::custom_scheme_config(YAML::Load(
                        R"({signature_header: X, signed_template: "{body}", digest: b64})")),
                    Contains("'digest' must be one of base64, hex"));
  CHECK_THROWS_WITH(
      checks::wh::make_scheme_setup(
          "custom", YAML::Load(R"({signature_header: X, signed_template: "{id}.{body}"})")),
      Contains("id_header is empty"));
  CHECK(checks::wh::make_scheme_setup("stripe").signature_header == "Stripe-Signature");
  CHECK(checks::wh::make_scheme_setup("standard").signature_header == "webhook-signature");
}

TEST_CASE("webhook.https: http fails unsent; bad certificate fails; trusted passes",
          "[checks][webhook]") {
  TestReceiver rx(Mode::verifying);
  WebhookHarness h;
  const auto plain =
      h.run("webhook.https", webhook_target(rx.url(), "standard", EnvKind::production));
  CHECK(plain.status == Status::fail);
  CHECK_THAT(plain.summary, Catch::StartsWith("webhook.url is not https"));
  CHECK(rx.seen().empty());

  SelfSignedCert cert;
  TestServer<httplib::SSLServer> tls(cert.cert_path().c_str(), cert.key_path().c_str());
  tls.server().Post("/hooks", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  tls.start();
  const auto t = webhook_target(tls.url("/hooks"), "standard", EnvKind::production);
  const auto untrusted = h.run("webhook.https", t);
  CHECK(untrusted.status == Status::fail);
  CHECK_THAT(untrusted.summary, Catch::StartsWith("TLS verification failed: tls: "));

  WebhookHarness trusting(cert.cert_path());
  const auto ok = trusting.run("webhook.https", t);
  INFO(ok.summary);
  CHECK(ok.status == Status::pass);
  CHECK_THAT(ok.summary, Catch::StartsWith("TLSv1."));

  tls.stop();
  CHECK(trusting.run("webhook.https", t).status == Status::inconclusive);
}

TEST_CASE("webhook.*: the emulator's reference receiver, with and without its faults",
          "[checks][webhook][emulator]") {
  auto run_against = [](std::set<std::string> faults, const std::string& id, int budget_s) {
    bluum::emulator::Options o;
    o.faults = std::move(faults);
    o.receiver_delay = std::chrono::milliseconds(1200);
    bluum::emulator::Emulator emu(o);
    emu.start();
    const auto scheme = webhook::make_scheme("standard");
    emu.set_receiver_verifier([&](const bluum::emulator::HeaderList& hs, const std::string& body) {
      const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      const auto r = scheme->verify(kWebhookSecret, hs, body, now, 300);
      return bluum::emulator::ReceiverVerdict{r.ok, r.code};
    });
    auto t = webhook_target(emu.receiver_url());
    t.profile.webhook->response_budget_s = budget_s;
    WebhookHarness h;
    return h.run(id, t).status;
  };
  for (const auto& id : delivery_checks()) {
    INFO(id);
    CHECK(run_against({}, id, 30) == Status::pass);
  }
  for (const std::string id :
       {"webhook.rejects-tampered", "webhook.rejects-wrong-secret", "webhook.rejects-unsigned"}) {
    INFO(id);
    CHECK(run_against({"receiver-accepts-anything"}, id, 30) == Status::fail);
  }
  CHECK(run_against({"receiver-slow"}, "webhook.accepts-valid", 1) == Status::fail);
}

TEST_CASE("webhook.*: --plan lists one POST to the redacted receiver URL", "[checks][webhook]") {
  const auto t = webhook_target("https://user:pw@partner.example/hooks?token=abc");
  for (const auto& id : delivery_checks()) {
    INFO(id);
    CheckOptions opts(id, YAML::Load("{event_type: partner.ping}"), SourceLoc{"p.yaml", 1, 1});
    const auto check = builtin_registry().find(id)->make(opts);
    const auto plan = check->planned_requests(t);
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].method == "POST");
    CHECK(plan[0].side_effect == SideEffect::partner_endpoint);
    CHECK_THAT(plan[0].url, !Catch::Contains("pw") && !Catch::Contains("abc"));
    CHECK_THAT(plan[0].note, Catch::StartsWith("partner.ping event"));
    CHECK(check->planned_requests(target(EnvKind::sandbox, "embedded")).empty());
  }
}
