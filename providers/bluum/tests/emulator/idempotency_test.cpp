#include <thread>

#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

TEST_CASE("emulator: same Idempotency-Key and body returns the original deposit", "[emulator]") {
  Running run;
  auto c = run.client("key_idem", "s");
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  auto first = post_json(c, path, deposit_body(fs), "dep-key-1");
  auto second = post_json(c, path, deposit_body(fs), "dep-key-1");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 201);
  CHECK(second->status == 201);
  CHECK(first->body == second->body);
  CHECK(first->get_header_value("X-Request-Id") != second->get_header_value("X-Request-Id"));
  CHECK(run.emu.deposit_count("key_idem") == 1);
  CHECK(body_of(c.Get(("/v1/investors/" + inv).c_str()))["balances"]["cash"] == "100.00");
}

TEST_CASE("emulator: a re-serialised identical body still replays", "[emulator]") {
  Running run;
  auto c = run.client("key_idem", "s");
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  auto first = post_json(c, path, deposit_body(fs), "k");
  httplib::Headers h{{"Idempotency-Key", "k"}};
  auto spaced = c.Post(path.c_str(), h,
                       "{ \"funding_source_id\": \"" + fs +
                           "\", \"method\": \"ach\", \"currency\": \"USD\", "
                           "\"amount\": \"100.00\" }",
                       "application/json");
  REQUIRE(spaced);
  CHECK(body_of(spaced)["id"] == body_of(first)["id"]);
  CHECK(run.emu.deposit_count("key_idem") == 1);
}

TEST_CASE("emulator: same Idempotency-Key with a different body answers 409 BLUM-409-002",
          "[emulator]") {
  Running run;
  auto c = run.client("key_idem", "s");
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  REQUIRE(post_json(c, path, deposit_body(fs, "100.00"), "dep-key-2")->status == 201);
  auto conflict = post_json(c, path, deposit_body(fs, "250.00"), "dep-key-2");
  REQUIRE(conflict);
  CHECK(conflict->status == 409);
  CHECK(code_of(conflict) == "BLUM-409-002");
  CHECK(body_of(conflict)["error"]["type"] == "idempotency_error");
  CHECK(run.emu.deposit_count("key_idem") == 1);
}

TEST_CASE("emulator: concurrent requests with one Idempotency-Key create one deposit",
          "[emulator]") {
  Running run;
  auto setup = run.client("key_race", "s");
  const std::string inv = create_investor(setup);
  const std::string fs = create_funding_source(setup, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  std::vector<std::string> ids(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      auto c = run.client("key_race", "s");
      auto r = post_json(c, path, deposit_body(fs), "race-key");
      if (r && r->status == 201) ids[i] = json::parse(r->body)["id"];
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& id : ids) CHECK(id == ids[0]);
  CHECK_FALSE(ids[0].empty());
  CHECK(run.emu.deposit_count("key_race") == 1);
}

TEST_CASE("emulator: deposits and withdrawals without Idempotency-Key answer 400", "[emulator]") {
  Running run;
  auto c = run.client();
  auto [inv, fs] = funded_investor(c);
  for (const char* kind : {"deposits", "withdrawals"}) {
    CAPTURE(kind);
    auto r = post_json(c, "/v1/investors/" + inv + "/" + kind, deposit_body(fs, "1.00"));
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(code_of(r) == "BLUM-400-002");
    CHECK(body_of(r)["error"]["param"] == "Idempotency-Key");
  }
}

TEST_CASE("emulator: fault no-idempotency creates a deposit per request", "[emulator]") {
  Running run(with_faults({"no-idempotency"}));
  auto c = run.client("key_dup", "s");
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  auto a = post_json(c, path, deposit_body(fs), "same-key");
  auto b = post_json(c, path, deposit_body(fs), "same-key");
  auto conflict = post_json(c, path, deposit_body(fs, "5.00"), "same-key");
  CHECK(body_of(a)["id"] != body_of(b)["id"]);
  REQUIRE(conflict);
  CHECK(conflict->status == 201);
  CHECK(run.emu.deposit_count("key_dup") == 3);
}

TEST_CASE("emulator: an Idempotency-Key can be reused after 24 hours", "[emulator]") {
  ManualClock clock;
  Options o;
  o.clock = &clock;
  Running run(o);
  auto c = run.client("key_expiry", "s");
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  const json first = body_of(post_json(c, path, deposit_body(fs), "day-key"));
  clock.advance(std::chrono::hours(23));
  CHECK(body_of(post_json(c, path, deposit_body(fs, "7.00"), "day-key"))["error"]["code"] ==
        "BLUM-409-002");
  clock.advance(std::chrono::hours(1));
  const json later = body_of(post_json(c, path, deposit_body(fs, "7.00"), "day-key"));
  CHECK(later["id"] != first["id"]);
  CHECK(later["amount"] == "7.00");
  CHECK(run.emu.deposit_count("key_expiry") == 2);
}

TEST_CASE("emulator: a rejected request does not burn its Idempotency-Key", "[emulator]") {
  Running run;
  auto c = run.client();
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  const std::string path = "/v1/investors/" + inv + "/deposits";
  auto bad = post_json(c, path, deposit_body(fs, "1.005"), "fix-me");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(code_of(bad) == "BLUM-400-005");
  auto fixed = post_json(c, path, deposit_body(fs, "1.00"), "fix-me");
  REQUIRE(fixed);
  CHECK(fixed->status == 201);
}
