#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

namespace {

httplib::Result order(httplib::Client& c, const std::string& inv, const json& body) {
  return post_json(c, "/v1/investors/" + inv + "/orders", body);
}

}  // namespace

TEST_CASE("emulator: a market buy fills at once and opens a position", "[emulator]") {
  Running run;
  auto c = run.client();
  auto [inv, fs] = funded_investor(c, "1000.00");
  auto r = order(c, inv,
                 {{"symbol", "AAPL"},
                  {"side", "buy"},
                  {"type", "market"},
                  {"time_in_force", "day"},
                  {"quantity", "2"}});
  REQUIRE(r);
  CHECK(r->status == 201);
  const json o = body_of(r);
  CHECK(o["id"].get<std::string>().rfind("ord_", 0) == 0);
  CHECK(o["status"] == "filled");
  CHECK(o["filled_quantity"] == "2");
  CHECK(o["filled_avg_price"] == "189.50");

  const json positions = body_of(c.Get(("/v1/investors/" + inv + "/positions").c_str()));
  REQUIRE(positions["data"].size() == 1);
  const json& p = positions["data"][0];
  CHECK(p["id"].get<std::string>().rfind("pos_", 0) == 0);
  CHECK(p["symbol"] == "AAPL");
  CHECK(p["quantity"] == "2");
  CHECK(p["cost_basis"] == "379.00");
  CHECK(body_of(c.Get(("/v1/investors/" + inv).c_str()))["balances"]["cash"] == "621.00");

  auto sell = order(c, inv, {{"symbol", "AAPL"}, {"side", "sell"}, {"quantity", "2"}});
  CHECK(body_of(sell)["status"] == "filled");
  CHECK(body_of(c.Get(("/v1/investors/" + inv + "/positions").c_str()))["data"].empty());
  auto gone = c.Get(("/v1/investors/" + inv + "/positions/AAPL").c_str());
  REQUIRE(gone);
  CHECK(gone->status == 404);
}

TEST_CASE("emulator: a notional buy fills a fractional quantity", "[emulator]") {
  Running run;
  auto c = run.client();
  auto [inv, fs] = funded_investor(c, "1000.00");
  const json o =
      body_of(order(c, inv, {{"symbol", "MSFT"}, {"side", "buy"}, {"notional", "100.00"}}));
  CHECK(o["status"] == "filled");
  CHECK(o["filled_quantity"] == "0.240818");
  CHECK(body_of(c.Get(("/v1/investors/" + inv).c_str()))["balances"]["cash"] == "900.00");
}

TEST_CASE("emulator: order business rules answer 422 with their codes", "[emulator]") {
  Running run;
  auto c = run.client();
  auto [inv, fs] = funded_investor(c, "100.00");
  struct Case {
    json body;
    const char* code;
  };
  for (const Case& k :
       {Case{{{"symbol", "AAPL"}, {"side", "buy"}, {"quantity", "10"}}, "BLUM-422-001"},
        Case{{{"symbol", "TSLA"}, {"side", "sell"}, {"quantity", "1"}}, "BLUM-422-004"},
        Case{{{"symbol", "HLTD"}, {"side", "buy"}, {"quantity", "1"}}, "BLUM-422-003"}}) {
    CAPTURE(k.body.dump());
    auto r = order(c, inv, k.body);
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(code_of(r) == k.code);
  }
}

TEST_CASE("emulator: order validation answers 400 with param", "[emulator]") {
  Running run;
  auto c = run.client();
  auto [inv, fs] = funded_investor(c, "100.00");
  struct Case {
    json body;
    const char* code;
    const char* param;
  };
  for (const Case& k :
       {Case{{{"side", "buy"}, {"quantity", "1"}}, "BLUM-400-002", "symbol"},
        Case{{{"symbol", "AAPL"}, {"side", "hold"}, {"quantity", "1"}}, "BLUM-400-004", "side"},
        Case{{{"symbol", "AAPL"}, {"side", "buy"}, {"quantity", "-1"}}, "BLUM-400-006", "quantity"},
        Case{{{"symbol", "AAPL"}, {"side", "buy"}, {"type", "limit"}, {"quantity", "1"}},
             "BLUM-400-002",
             "limit_price"}}) {
    CAPTURE(k.body.dump());
    auto r = order(c, inv, k.body);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(code_of(r) == k.code);
    CHECK(body_of(r)["error"]["param"] == k.param);
  }
  auto unknown = order(c, inv, {{"symbol", "ZZZZ"}, {"side", "buy"}, {"quantity", "1"}});
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(code_of(unknown) == "BLUM-404-003");
}

TEST_CASE("emulator: a resting limit order stays open and can be cancelled once", "[emulator]") {
  Running run;
  auto c = run.client();
  auto [inv, fs] = funded_investor(c, "1000.00");
  const json o = body_of(order(c, inv,
                               {{"symbol", "AAPL"},
                                {"side", "buy"},
                                {"type", "limit"},
                                {"limit_price", "100.00"},
                                {"quantity", "1"}}));
  CHECK(o["status"] == "open");
  const std::string path = "/v1/investors/" + inv + "/orders/" + o["id"].get<std::string>();
  CHECK(body_of(c.Get(("/v1/investors/" + inv + "/orders?status=open").c_str()))["data"].size() ==
        1);
  CHECK(body_of(c.Post((path + "/cancel").c_str()))["status"] == "cancelled");
  auto again = c.Post((path + "/cancel").c_str());
  REQUIRE(again);
  CHECK(again->status == 409);
  CHECK(code_of(again) == "BLUM-409-003");
}

TEST_CASE("emulator: withdrawals reserve cash, check funds and cancel while pending",
          "[emulator]") {
  Running run;
  auto c = run.client("key_wd", "s");
  auto [inv, fs] = funded_investor(c, "100.00");
  const std::string path = "/v1/investors/" + inv + "/withdrawals";
  auto too_much = post_json(c, path, deposit_body(fs, "150.00"), "wd-1");
  REQUIRE(too_much);
  CHECK(too_much->status == 422);
  CHECK(code_of(too_much) == "BLUM-422-001");
  const json wd = body_of(post_json(c, path, deposit_body(fs, "40.00"), "wd-2"));
  CHECK(wd["id"].get<std::string>().rfind("wd_", 0) == 0);
  CHECK(wd["status"] == "pending");
  CHECK(run.emu.withdrawal_count("key_wd") == 1);
  CHECK(body_of(c.Get(("/v1/investors/" + inv).c_str()))["balances"]["cash"] == "60.00");
  const json canceled =
      body_of(c.Post((path + "/" + wd["id"].get<std::string>() + "/cancel").c_str()));
  CHECK(canceled["status"] == "canceled");
  CHECK(body_of(c.Get(("/v1/investors/" + inv).c_str()))["balances"]["cash"] == "100.00");
}

TEST_CASE("emulator: a manual bank transfer deposit stays pending with a reference code",
          "[emulator]") {
  Running run;
  auto c = run.client();
  const std::string inv = create_investor(c);
  const json dep =
      body_of(post_json(c, "/v1/investors/" + inv + "/deposits",
                        {{"amount", "500.00"}, {"method", "manual_bank_transfer"}}, "manual-1"));
  CHECK(dep["status"] == "pending");
  CHECK(dep["method_details"]["referenceCode"].get<std::string>().rfind("BLUUM-", 0) == 0);
  CHECK(body_of(c.Get(("/v1/investors/" + inv).c_str()))["balances"]["cash"] == "0.00");
}
