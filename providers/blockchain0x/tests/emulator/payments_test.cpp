#include "support.hpp"

using namespace golive::blockchain0x::emulator;
using namespace golive::blockchain0x::emulator::test;

TEST_CASE("b0x emulator: a payment needs an Idempotency-Key", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  auto r = post_json(c, "/v1/payments", payment_body(agent_of(c)));
  CHECK(r->status == 400);
  CHECK(code_of(r) == "request.invalid");
  CHECK(run.emu.payment_count(test_key()) == 0);
}

TEST_CASE("b0x emulator: the same key and body answer the one payment", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  const auto agent = agent_of(c);
  auto first = post_json(c, "/v1/payments", payment_body(agent), "key-1");
  auto second = post_json(c, "/v1/payments", payment_body(agent), "key-1");
  REQUIRE(first->status == 201);
  CHECK(second->status == 201);
  CHECK(body_of(first)["id"] == body_of(second)["id"]);
  CHECK(body_of(first)["network"] == "testnet");
  CHECK(run.emu.payment_count(test_key()) == 1);
}

TEST_CASE("b0x emulator: the same key with another amount is 409 idempotency.conflict", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  const auto agent = agent_of(c);
  REQUIRE(post_json(c, "/v1/payments", payment_body(agent), "key-2")->status == 201);
  auto other = post_json(c, "/v1/payments", payment_body(agent, "20000"), "key-2");
  CHECK(other->status == 409);
  CHECK(code_of(other) == "idempotency.conflict");
  CHECK(run.emu.payment_count(test_key()) == 1);
}

TEST_CASE("b0x emulator: fault no-idempotency pays twice", "[b0x]") {
  Running run(with_faults({"no-idempotency"}));
  auto c = run.sandbox();
  const auto agent = agent_of(c);
  post_json(c, "/v1/payments", payment_body(agent), "key-3");
  post_json(c, "/v1/payments", payment_body(agent), "key-3");
  CHECK(run.emu.payment_count(test_key()) == 2);
}

TEST_CASE("b0x emulator: payments are validated", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  const auto agent = agent_of(c);
  auto bad_to = payment_body(agent);
  bad_to["to"] = "0x1234";
  CHECK(code_of(post_json(c, "/v1/payments", bad_to, "v1")) == "request.invalid");
  CHECK(code_of(post_json(c, "/v1/payments", payment_body(agent, "1.5"), "v2")) ==
        "request.invalid");
  CHECK(post_json(c, "/v1/payments", payment_body("agt_other"), "v3")->status == 404);
  CHECK(run.emu.payment_count(test_key()) == 0);
}

TEST_CASE("b0x emulator: lists page with cursors, newest first by default", "[b0x]") {
  Running run;
  auto c = run.sandbox();
  const auto agent = agent_of(c);
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(
        body_of(post_json(c, "/v1/payments", payment_body(agent), "p" + std::to_string(i)))["id"]);
  }
  auto page1 = body_of(c.Get("/v1/payments?limit=2"));
  REQUIRE(page1["data"].size() == 2);
  CHECK(page1["data"][0]["id"] == ids[4]);
  CHECK(page1["page"]["prev"].is_null());
  const std::string next = page1["page"]["next"];
  auto page2 = body_of(c.Get(("/v1/payments?limit=2&cursor=" + next).c_str()));
  CHECK(page2["data"][0]["id"] == ids[2]);
  const std::string prev = page2["page"]["prev"];
  auto back = body_of(c.Get(("/v1/payments?limit=2&cursor=" + prev).c_str()));
  CHECK(back["data"] == page1["data"]);
  auto asc = body_of(c.Get("/v1/payments?limit=100&sort=createdAt:asc"));
  CHECK(asc["data"][0]["id"] == ids[0]);
  CHECK(asc["page"]["next"].is_null());
  CHECK(code_of(c.Get("/v1/payments?limit=101")) == "request.invalid");
  CHECK(code_of(c.Get("/v1/payments?cursor=zz")) == "request.invalid");
}

TEST_CASE("b0x emulator: too many requests answer 429 rate_limit.exceeded with Retry-After",
          "[b0x]") {
  Running run(with_faults({"rate-limit-tight"}));
  auto c = run.sandbox();
  std::optional<httplib::Response> throttled;
  for (int i = 0; i < 200 && !throttled; ++i) {
    auto r = c.Get("/v1/webhooks");
    REQUIRE(r);
    if (r->status == 429) throttled = *r;
  }
  REQUIRE(throttled);
  CHECK(json::parse(throttled->body)["error"]["code"] == "rate_limit.exceeded");
  const std::string after = throttled->get_header_value("Retry-After");
  REQUIRE_FALSE(after.empty());
  CHECK(after.find_first_not_of("0123456789") == std::string::npos);
}

TEST_CASE("b0x emulator: fault bad-json truncates lists, 5xx-burst answers 503", "[b0x]") {
  Running bad(with_faults({"bad-json"}));
  auto r = bad.sandbox().Get("/v1/webhooks");
  REQUIRE(r);
  CHECK(json::parse(r->body, nullptr, false).is_discarded());
  Running burst(with_faults({"5xx-burst"}));
  auto c = burst.sandbox();
  CHECK(c.Get("/v1/webhooks")->status == 503);
  CHECK(code_of(c.Get("/v1/webhooks")) == "internal.unavailable");
}
