#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

TEST_CASE("emulator: GET /v1/assets answers the list envelope", "[emulator]") {
  Running run;
  auto c = run.client();
  auto r = c.Get("/v1/assets");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  const json body = body_of(r);
  CHECK(body["object"] == "list");
  CHECK(body["url"] == "/v1/assets");
  CHECK(body["has_more"] == false);
  REQUIRE_FALSE(body["data"].empty());
  const json& first = body["data"][0];
  for (const char* field : {"id", "object", "symbol", "name", "class", "country", "market",
                            "market_name", "tradable", "fractionable", "status"}) {
    CAPTURE(field);
    CHECK(first.contains(field));
  }
  CHECK(first["object"] == "asset");
}

TEST_CASE("emulator: GET /v1/assets filters by class, country and tradable", "[emulator]") {
  Running run;
  auto c = run.client();
  const json body = body_of(c.Get("/v1/assets?class=equity&country=us&tradable=true"));
  REQUIRE_FALSE(body["data"].empty());
  for (const json& a : body["data"]) {
    CHECK(a["class"] == "equity");
    CHECK(a["country"] == "us");
    CHECK(a["tradable"] == true);
  }
  const json crypto = body_of(c.Get("/v1/assets?asset_class=crypto"));
  REQUIRE_FALSE(crypto["data"].empty());
  for (const json& a : crypto["data"]) CHECK(a["class"] == "crypto");
  const json untradable = body_of(c.Get("/v1/assets?tradable=false"));
  REQUIRE_FALSE(untradable["data"].empty());
  for (const json& a : untradable["data"]) CHECK(a["tradable"] == false);
  const json two = body_of(c.Get("/v1/assets?symbols=AAPL,msft"));
  CHECK(two["data"].size() == 2);
}

TEST_CASE("emulator: GET /v1/assets pages with limit and offset", "[emulator]") {
  Running run;
  auto c = run.client();
  const json all = body_of(c.Get("/v1/assets"));
  const json page = body_of(c.Get("/v1/assets?limit=2&offset=1"));
  REQUIRE(page["data"].size() == 2);
  CHECK(page["has_more"] == true);
  CHECK(page["data"][0]["symbol"] == all["data"][1]["symbol"]);
}

TEST_CASE("emulator: bad asset query parameters answer 400 with param", "[emulator]") {
  Running run;
  auto c = run.client();
  struct Case {
    const char* query;
    const char* code;
    const char* param;
  };
  for (const Case& k :
       {Case{"tradable=maybe", "BLUM-400-004", "tradable"},
        Case{"class=bond", "BLUM-400-004", "class"}, Case{"country=usa", "BLUM-400-003", "country"},
        Case{"limit=0", "BLUM-400-001", "limit"}, Case{"limit=abc", "BLUM-400-003", "limit"}}) {
    CAPTURE(k.query);
    auto r = c.Get(("/v1/assets?" + std::string(k.query)).c_str());
    REQUIRE(r);
    CHECK(r->status == 400);
    const json err = body_of(r)["error"];
    CHECK(err["type"] == "invalid_request_error");
    CHECK(err["code"] == k.code);
    CHECK(err["param"] == k.param);
  }
}

TEST_CASE("emulator: GET /v1/assets/{symbol} answers the asset or 404 BLUM-404-003", "[emulator]") {
  Running run;
  auto c = run.client();
  CHECK(body_of(c.Get("/v1/assets/aapl"))["symbol"] == "AAPL");
  CHECK(body_of(c.Get("/v1/assets/BTCUSD"))["symbol"] == "BTC/USD");
  auto r = c.Get("/v1/assets/NOPE");
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(code_of(r) == "BLUM-404-003");
}

TEST_CASE("emulator: fault bad-json answers a non-JSON body on list endpoints", "[emulator]") {
  Running run(with_faults({"bad-json"}));
  auto c = run.client();
  for (const char* path : {"/v1/assets", "/v1/investors", "/v1/webhooks"}) {
    CAPTURE(path);
    auto r = c.Get(path);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body, nullptr, false).is_discarded());
  }
  auto one = c.Get("/v1/assets/AAPL");
  REQUIRE(one);
  CHECK_FALSE(json::parse(one->body, nullptr, false).is_discarded());
}

TEST_CASE("emulator: an unknown route answers 404 BLUM-404-002", "[emulator]") {
  Running run;
  auto c = run.client();
  for (const char* path : {"/v1/nope", "/v1/accounts", "/nothing-here"}) {
    CAPTURE(path);
    auto r = c.Get(path);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(code_of(r) == "BLUM-404-002");
  }
  auto del = c.Delete("/v1/assets");
  REQUIRE(del);
  CHECK(del->status == 404);
  CHECK(code_of(del) == "BLUM-404-002");
}
