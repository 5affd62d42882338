#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

TEST_CASE("emulator: a missing Authorization header answers 401 BLUM-401-001", "[emulator]") {
  Running run;
  auto c = run.anonymous();
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 401);
  CHECK(code_of(r) == "BLUM-401-001");
  CHECK(body_of(r)["error"]["type"] == "authentication_error");
  CHECK(r->get_header_value("WWW-Authenticate").find("Basic") == 0);
}

TEST_CASE("emulator: a malformed Authorization header answers 401 BLUM-401-002", "[emulator]") {
  Running run;
  auto c = run.anonymous();
  for (const char* header : {"Bearer abc", "Basic", "Basic !!!notbase64", "Basic a2V5",
                             "Basic a2V5c2VjcmV0" /* "keysecret": no colon */}) {
    CAPTURE(header);
    auto r = c.Get("/v1/assets", {{"Authorization", header}});
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(code_of(r) == "BLUM-401-002");
  }
}

TEST_CASE("emulator: any non-empty key and secret pair is accepted by default", "[emulator]") {
  Running run;
  auto c = run.client("anything", "goes");
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("emulator: an empty key or secret answers 401 BLUM-401-003", "[emulator]") {
  Running run;
  auto c = run.client("key", "");
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 401);
  CHECK(code_of(r) == "BLUM-401-003");
}

TEST_CASE("emulator: with --credentials only that pair is accepted", "[emulator]") {
  Options o;
  o.credentials = std::make_pair("key_live", "right-secret");
  Running run(o);
  auto good = run.client("key_live", "right-secret");
  auto r = good.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 200);
  for (auto [key, secret] : {std::pair{"key_live", "wrong"}, std::pair{"other", "right-secret"}}) {
    auto bad = run.client(key, secret);
    auto wrong = bad.Get("/v1/assets");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    CHECK(code_of(wrong) == "BLUM-401-003");
  }
}

TEST_CASE("emulator: fault drop-auth-check accepts missing and wrong credentials", "[emulator]") {
  Options o = with_faults({"drop-auth-check"});
  o.credentials = std::make_pair("key_live", "right-secret");
  Running run(o);
  auto anonymous = run.anonymous();
  auto r = anonymous.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 200);
  auto wrong = run.client("key_live", "wrong");
  auto r2 = wrong.Get("/v1/investors");
  REQUIRE(r2);
  CHECK(r2->status == 200);
}

TEST_CASE("emulator: tenants are isolated by key pair", "[emulator]") {
  Running run;
  auto alice = run.client("key_alice", "secret_a");
  auto bob = run.client("key_bob", "secret_b");
  auto alice_other_secret = run.client("key_alice", "another");
  const std::string inv = create_investor(alice);

  CHECK(body_of(alice.Get("/v1/investors"))["data"].size() == 1);
  CHECK(body_of(bob.Get("/v1/investors"))["data"].empty());
  CHECK(body_of(alice_other_secret.Get("/v1/investors"))["data"].empty());
  auto r = bob.Get(("/v1/investors/" + inv).c_str());
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(code_of(r) == "BLUM-404-001");
}

TEST_CASE("emulator: an unknown fault is rejected at construction", "[emulator]") {
  CHECK_THROWS_AS(Emulator(with_faults({"no-such-fault"})), std::invalid_argument);
  CHECK_THROWS_WITH(Emulator(with_faults({"sloww"})), Catch::Contains("unknown fault 'sloww'"));
}

TEST_CASE("emulator: known_faults lists every fault once, sorted", "[emulator]") {
  std::vector<std::string> names;
  for (const auto& [name, description] : known_faults()) {
    names.push_back(name);
    CHECK_FALSE(description.empty());
  }
  CHECK(std::is_sorted(names.begin(), names.end()));
  for (const char* f :
       {"no-idempotency", "livemode-false", "slow", "rate-limit-tight", "bad-json", "5xx-burst",
        "drop-auth-check", "receiver-accepts-anything", "receiver-slow"}) {
    CHECK(std::count(names.begin(), names.end(), f) == 1);
  }
}
