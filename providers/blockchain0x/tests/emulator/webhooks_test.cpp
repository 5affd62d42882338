#include "crypto/webhook.hpp"
#include "support.hpp"

using namespace golive::blockchain0x::emulator;
using namespace golive::blockchain0x::emulator::test;

TEST_CASE("b0x emulator: a dashboard-registered endpoint is listed by GET /v1/webhooks", "[b0x]") {
  Running run;
  const auto id =
      run.emu.register_webhook(test_key(), "https://partner.example/hooks", {"*"}, "whsk_x");
  auto list = body_of(run.sandbox().Get("/v1/webhooks"));
  REQUIRE(list["data"].size() == 1);
  CHECK(list["data"][0]["id"] == id);
  CHECK(list["data"][0]["url"] == "https://partner.example/hooks");
  CHECK(body_of(run.sandbox("other").Get("/v1/webhooks"))["data"].empty());
  Running empty(with_faults({"webhooks-empty"}));
  empty.emu.register_webhook(test_key(), "https://partner.example/hooks", {"*"}, "whsk_x");
  CHECK(body_of(empty.sandbox().Get("/v1/webhooks"))["data"].empty());
}

TEST_CASE("b0x emulator: a payment is delivered signed with the blockchain0x scheme", "[b0x]") {
  Running run;
  const std::string secret = "whsk_test_emulator_secret";
  run.emu.register_webhook(test_key(), run.emu.receiver_url(), {"payment.*"}, secret);
  const auto scheme = golive::webhook::make_scheme("blockchain0x");
  run.emu.set_receiver_verifier([&](const golive::emukit::HeaderList& h, const std::string& b) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    auto v = scheme->verify(secret, h, b, now, 300);
    return golive::emukit::ReceiverVerdict{v.ok, v.reason};
  });
  auto c = run.sandbox();
  REQUIRE(post_json(c, "/v1/payments", payment_body(agent_of(c)), "wh-1")->status == 201);
  REQUIRE(run.emu.flush_deliveries(std::chrono::seconds(10)));
  const auto got = run.emu.received_deliveries();
  REQUIRE(got.size() == 1);
  CHECK(got[0].verified);
  CHECK(got[0].event_type == "payment.completed");
  bool has_type = false;
  for (const auto& [name, value] : got[0].headers) {
    has_type = has_type || (name == "x-blockchain0x-event-type" && value == "payment.completed");
  }
  CHECK(has_type);
}
