#include "support.hpp"

using namespace golive::blockchain0x::emulator;
using namespace golive::blockchain0x::emulator::test;

TEST_CASE("b0x emulator: an sk_test_ key with X-Network testnet reads its webhooks", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  auto r = c.Get("/v1/webhooks");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(body_of(r)["data"].is_array());
  CHECK(body_of(r)["page"].contains("next"));
}

TEST_CASE("b0x emulator: an sk_live_ key with X-Network mainnet is accepted", "[b0x]") {
  Running run;
  auto c = run.client(live_key(), "mainnet");
  CHECK(c.Get("/v1/agents")->status == 200);
  CHECK(body_of(c.Get("/v1/agents"))["data"][0]["network"] == "mainnet");
}

TEST_CASE("b0x emulator: each key is its own tenant", "[b0x]") {
  Running run;
  auto a = run.sandbox("one");
  auto b = run.sandbox("two");
  CHECK(agent_of(a) != agent_of(b));
  REQUIRE(post_json(a, "/v1/payments", payment_body(agent_of(a)), "k1")->status == 201);
  CHECK(body_of(a.Get("/v1/payments"))["data"].size() == 1);
  CHECK(body_of(b.Get("/v1/payments"))["data"].empty());
  CHECK(run.emu.payment_count(test_key("one")) == 1);
  CHECK(run.emu.payment_count(test_key("two")) == 0);
}

TEST_CASE("b0x emulator: X-Network must be present, valid and agree with the key", "[b0x]") {
  Running run;
  auto missing = run.client(test_key(), "");
  CHECK(missing.Get("/v1/webhooks")->status == 400);
  CHECK(code_of(missing.Get("/v1/webhooks")) == "network.header_required");
  auto invalid = run.client(test_key(), "ropsten");
  CHECK(code_of(invalid.Get("/v1/webhooks")) == "network.invalid");
  auto test_on_mainnet = run.client(test_key(), "mainnet");
  CHECK(test_on_mainnet.Get("/v1/webhooks")->status == 401);
  CHECK(code_of(test_on_mainnet.Get("/v1/webhooks")) == "apikey.network_mismatch");
  auto live_on_testnet = run.client(live_key(), "testnet");
  CHECK(code_of(live_on_testnet.Get("/v1/webhooks")) == "apikey.network_mismatch");
}

TEST_CASE("b0x emulator: missing Bearer is auth.invalid_session, a bad key apikey.invalid",
          "[b0x]") {
  Running run;
  auto none = run.client("", "testnet");
  CHECK(none.Get("/v1/webhooks")->status == 401);
  CHECK(code_of(none.Get("/v1/webhooks")) == "auth.invalid_session");
  // The 14-character prefix a key list shows, pasted instead of the secret.
  auto prefix = run.client("sk_live_ab12cd", "mainnet");
  CHECK(code_of(prefix.Get("/v1/webhooks")) == "apikey.invalid");
  auto other = run.client("pk_live_0123456789abcdef0123456789", "mainnet");
  CHECK(code_of(other.Get("/v1/webhooks")) == "apikey.invalid");
}

TEST_CASE("b0x emulator: a restricted emulator accepts only its key", "[b0x]") {
  Options o;
  o.api_key = test_key("only");
  Running run(o);
  CHECK(run.sandbox("only").Get("/v1/webhooks")->status == 200);
  CHECK(code_of(run.sandbox("else").Get("/v1/webhooks")) == "apikey.invalid");
}

TEST_CASE("b0x emulator: the error envelope's requestId equals the x-request-id header", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  auto r = c.Get("/v1/payments/pay_nope");
  REQUIRE(r);
  CHECK(r->status == 404);
  const json err = body_of(r)["error"];
  CHECK(err["code"] == "resource.not_found");
  CHECK_FALSE(err["message"].get<std::string>().empty());
  CHECK(err["requestId"] == r->get_header_value("x-request-id"));
  CHECK(err.contains("details"));
  auto unknown = c.Get("/v1/nowhere");
  CHECK(body_of(unknown)["error"]["requestId"] == unknown->get_header_value("x-request-id"));
}

TEST_CASE("b0x emulator: faults answer the documented key and network errors", "[b0x]") {
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {"network-mismatch", 401, "apikey.network_mismatch"},
      {"network-locked", 403, "network_locked"},
      {"key-expired", 401, "apikey.expired"},
      {"key-revoked", 401, "apikey.revoked"},
  };
  for (const auto& [fault, status, code] : cases) {
    INFO(fault);
    Running run(with_faults({fault}));
    auto r = run.sandbox().Get("/v1/webhooks");
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(code_of(r) == code);
  }
}

TEST_CASE("b0x emulator: an unknown fault is refused", "[b0x]") {
  CHECK_THROWS_AS(Emulator(with_faults({"nope"})), std::invalid_argument);
  CHECK(known_faults().size() >= 10);
}
