#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>

#include "emukit/dispatcher.hpp"
#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

namespace {

json webhook_body(const std::string& url, json events = {"order.*"}) {
  return json{{"name", "partner hooks"}, {"url", url}, {"eventTypeNames", std::move(events)}};
}

std::string header(const HeaderList& headers, const std::string& name) {
  for (const auto& [n, v] : headers) {
    if (n == name) return v;
  }
  return {};
}

/// Standard Webhooks v1 computed independently of the emulator's signer.
std::string expected_signature(const std::string& secret, const std::string& id,
                               const std::string& ts, const std::string& body) {
  const std::string b64 = secret.substr(6);
  std::string key(b64.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(key.data()),
                          reinterpret_cast<const unsigned char*>(b64.data()),
                          static_cast<int>(b64.size()));
  key.resize(static_cast<size_t>(n) - static_cast<size_t>(std::count(b64.begin(), b64.end(), '=')));
  const std::string content = id + "." + ts + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(content.data()), content.size(), mac, &len);
  unsigned char out[128];
  n = EVP_EncodeBlock(out, mac, static_cast<int>(len));
  return "v1," + std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

}  // namespace

TEST_CASE("emulator: the default signer matches Standard Webhooks vector SW-1", "[emulator]") {
  const HeaderList h = golive::emukit::standard_webhooks_sign(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
      R"({"test": 2432232314})");
  CHECK(header(h, "webhook-id") == "msg_p5jXN8AQM9LWM0D4loKWxJek");
  CHECK(header(h, "webhook-timestamp") == "1614265330");
  CHECK(header(h, "webhook-signature") == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST_CASE("emulator: webhooks are registered, listed, updated and deleted", "[emulator]") {
  Running run;
  auto c = run.client();
  auto r = post_json(c, "/v1/webhooks", webhook_body("https://partner.example.com/hooks"));
  REQUIRE(r);
  CHECK(r->status == 201);
  const json wh = body_of(r);
  const std::string id = wh["id"];
  CHECK(id.rfind("wh_", 0) == 0);
  CHECK(wh["object"] == "webhook");
  CHECK(wh["status"] == "ACTIVE");
  CHECK(wh["livemode"] == true);
  CHECK(wh["secret"].get<std::string>().rfind("whsec_", 0) == 0);
  CHECK(wh["eventTypes"].size() == 5);  // order.accepted|filled|partially_filled|canceled|rejected

  const json list = body_of(c.Get("/v1/webhooks"));
  REQUIRE(list["data"].size() == 1);
  CHECK_FALSE(list["data"][0].contains("secret"));

  const std::string path = "/v1/webhooks/" + id;
  auto patched = c.Patch(path.c_str(), R"({"status":"inactive"})", "application/json");
  CHECK(body_of(patched)["status"] == "INACTIVE");
  CHECK(body_of(c.Delete(path.c_str()))["deleted"] == true);
  auto gone = c.Get(path.c_str());
  REQUIRE(gone);
  CHECK(gone->status == 404);
  CHECK(code_of(gone) == "BLUM-404-001");
}

TEST_CASE("emulator: webhook validation answers 400 with param", "[emulator]") {
  Running run;
  auto c = run.client();
  struct Case {
    json body;
    const char* code;
    const char* param;
  };
  for (const Case& k :
       {Case{{{"name", "x"}, {"eventTypeNames", {"order.*"}}}, "BLUM-400-002", "url"},
        Case{webhook_body("ftp://x"), "BLUM-400-003", "url"},
        Case{webhook_body("https://x.example", {"order.exploded"}), "BLUM-400-004",
             "eventTypeNames"},
        Case{webhook_body("https://x.example", json::array()), "BLUM-400-003", "eventTypeNames"}}) {
    CAPTURE(k.body.dump());
    auto r = post_json(c, "/v1/webhooks", k.body);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(code_of(r) == k.code);
    CHECK(body_of(r)["error"]["param"] == k.param);
  }
  const json types = body_of(c.Get("/v1/webhooks/event-types"));
  CHECK(types["object"] == "list");
  CHECK(types["data"].size() >= 10);
}

TEST_CASE("emulator: events are delivered signed to registered webhooks", "[emulator]") {
  Running run;
  auto c = run.client();
  const json wh = body_of(post_json(c, "/v1/webhooks", webhook_body(run.emu.receiver_url())));
  const std::string secret = wh["secret"];
  auto [inv, fs] = funded_investor(c, "1000.00");  // transfer.* events: not subscribed
  post_json(c, "/v1/investors/" + inv + "/orders",
            {{"symbol", "AAPL"}, {"side", "buy"}, {"quantity", "1"}});
  REQUIRE(run.emu.flush_deliveries(std::chrono::seconds(20)));

  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 2);
  CHECK(received[0].event_type == "order.accepted");
  CHECK(received[1].event_type == "order.filled");
  for (const ReceivedDelivery& d : received) {
    const std::string id = header(d.headers, "webhook-id");
    CHECK(id.rfind("evt_", 0) == 0);
    CHECK(d.delivery_id == id);
    CHECK(header(d.headers, "webhook-signature") ==
          expected_signature(secret, id, header(d.headers, "webhook-timestamp"), d.body));
    CHECK(json::parse(d.body)["data"]["investor_id"] == inv);
  }
  const auto attempts = run.emu.delivery_attempts();
  REQUIRE(attempts.size() == 2);
  CHECK(attempts[0].status == 200);
}

TEST_CASE("emulator: a webhook test event reaches the endpoint", "[emulator]") {
  Running run;
  auto c = run.client();
  const json wh = body_of(post_json(c, "/v1/webhooks", webhook_body(run.emu.receiver_url())));
  auto r = c.Post(("/v1/webhooks/" + wh["id"].get<std::string>() + "/test").c_str());
  REQUIRE(r);
  CHECK(r->status == 202);
  REQUIRE(run.emu.flush_deliveries(std::chrono::seconds(20)));
  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 1);
  CHECK(received[0].event_type == "webhook.test");
}

TEST_CASE("emulator: a rejected delivery is retried, then given up", "[emulator]") {
  Running run;
  run.emu.set_receiver_verifier([](const HeaderList&, const std::string&) {
    return ReceiverVerdict{false, "no"};
  });
  auto c = run.client();
  const json wh = body_of(post_json(c, "/v1/webhooks", webhook_body(run.emu.receiver_url())));
  c.Post(("/v1/webhooks/" + wh["id"].get<std::string>() + "/test").c_str());
  REQUIRE(run.emu.flush_deliveries(std::chrono::seconds(30)));
  const auto attempts = run.emu.delivery_attempts();
  REQUIRE(attempts.size() == 3);
  CHECK(attempts[2].attempt == 3);
  CHECK(attempts[2].status == 400);
}

TEST_CASE("emulator: a delivery to a host off loopback obeys the proxy variables (hermetic guard)",
          "[emulator][hermetic]") {
  // Every CTest case runs with the proxy variables at a closed loopback port: a remote delivery
  // is refused there ("connection refused") instead of resolving the name or leaving the machine.
  REQUIRE(std::getenv("GOLIVE_TEST_GUARD_PROXY") != nullptr);
  Running run;
  auto c = run.client();
  const json wh =
      body_of(post_json(c, "/v1/webhooks", webhook_body("https://golive-hermetic.invalid/hooks")));
  c.Post(("/v1/webhooks/" + wh["id"].get<std::string>() + "/test").c_str());
  REQUIRE(run.emu.flush_deliveries(std::chrono::seconds(30)));
  const auto attempts = run.emu.delivery_attempts();
  REQUIRE_FALSE(attempts.empty());
  for (const auto& a : attempts) {
    CHECK(a.status == 0);
    CHECK_THAT(a.error, Catch::StartsWith("connection refused"));
  }
}
