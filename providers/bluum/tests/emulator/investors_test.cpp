#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

TEST_CASE("emulator: a created investor is KYC-approved and active at once", "[emulator]") {
  Running run;
  auto c = run.client();
  auto r = post_json(c, "/v1/investors", investor_body());
  REQUIRE(r);
  CHECK(r->status == 201);
  const json inv = body_of(r);
  CHECK(inv["id"].get<std::string>().rfind("inv_", 0) == 0);
  CHECK(inv["object"] == "investor");
  CHECK(inv["livemode"] == true);
  CHECK(inv["created"].is_number_integer());
  CHECK(inv["metadata"].is_object());
  CHECK(inv["status"] == "active");
  CHECK(inv["kyc"]["status"] == "approved");
  CHECK(inv["balances"]["cash"] == "0.00");

  const json fetched = body_of(c.Get(("/v1/investors/" + inv["id"].get<std::string>()).c_str()));
  CHECK(fetched["id"] == inv["id"]);
  const json list = body_of(c.Get("/v1/investors"));
  CHECK(list["object"] == "list");
  CHECK(list["data"].size() == 1);
}

TEST_CASE("emulator: investor validation errors name the param", "[emulator]") {
  Running run;
  auto c = run.client();
  struct Case {
    json body;
    const char* code;
    const char* param;
  };
  json no_email = investor_body();
  no_email.erase("email");
  json bad_email = investor_body("not-an-email");
  json bad_dob = investor_body();
  bad_dob["date_of_birth"] = "10/12/1990";
  json bad_type = investor_body();
  bad_type["type"] = "robot";
  json missing_agreement = investor_body();
  missing_agreement["signed_agreements"] = {"investor_agreement"};
  for (const Case& k :
       {Case{no_email, "BLUM-400-002", "email"}, Case{bad_email, "BLUM-400-003", "email"},
        Case{bad_dob, "BLUM-400-003", "date_of_birth"}, Case{bad_type, "BLUM-400-004", "type"},
        Case{missing_agreement, "BLUM-400-001", "signed_agreements"}}) {
    CAPTURE(k.body.dump());
    auto r = post_json(c, "/v1/investors", k.body);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(code_of(r) == k.code);
    CHECK(body_of(r)["error"]["param"] == k.param);
  }
  auto not_json = c.Post("/v1/investors", "{nope", "application/json");
  REQUIRE(not_json);
  CHECK(not_json->status == 400);
  CHECK(code_of(not_json) == "BLUM-400-001");
  CHECK(body_of(c.Get("/v1/investors"))["data"].empty());
}

TEST_CASE("emulator: a +reject email simulates a KYC rejection", "[emulator]") {
  Running run;
  auto c = run.client();
  const json inv = body_of(post_json(c, "/v1/investors", investor_body("bob+reject@example.com")));
  CHECK(inv["status"] == "rejected");
  CHECK(inv["kyc"]["status"] == "rejected");
  auto r = post_json(c, "/v1/investors/" + inv["id"].get<std::string>() + "/funding-sources",
                     {{"routing_number", "011000015"}, {"account_number", "12345678"}});
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(code_of(r) == "BLUM-403-002");
}

TEST_CASE("emulator: a raw UUID where an id is expected answers 400, an unknown id 404",
          "[emulator]") {
  Running run;
  auto c = run.client();
  auto uuid = c.Get("/v1/investors/3f2b8c1e-0d4a-4c55-9b1e-2f7d5a9c0e11");
  REQUIRE(uuid);
  CHECK(uuid->status == 400);
  CHECK(code_of(uuid) == "BLUM-400-003");
  CHECK(body_of(uuid)["error"]["param"] == "investor_id");
  auto missing = c.Get("/v1/investors/inv_doesnotexist");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(code_of(missing) == "BLUM-404-001");
  // Invalid UTF-8 in the path is echoed safely, not turned into a 500.
  auto bytes = c.Get("/v1/investors/inv_%FF%FE");
  REQUIRE(bytes);
  CHECK(bytes->status == 404);
  CHECK(code_of(bytes) == "BLUM-404-001");
}

TEST_CASE("emulator: funding sources are created, listed and fetched per investor", "[emulator]") {
  Running run;
  auto c = run.client();
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  CHECK(fs.rfind("fs_", 0) == 0);
  const json one = body_of(c.Get(("/v1/investors/" + inv + "/funding-sources/" + fs).c_str()));
  CHECK(one["account_last4"] == "5678");
  CHECK(one["status"] == "verified");
  CHECK(body_of(c.Get(("/v1/investors/" + inv + "/funding-sources").c_str()))["data"].size() == 1);
  auto bad = post_json(c, "/v1/investors/" + inv + "/funding-sources",
                       {{"routing_number", "12"}, {"account_number", "12345678"}});
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(body_of(bad)["error"]["param"] == "routing_number");
}

TEST_CASE("emulator: fault livemode-false marks resources livemode false", "[emulator]") {
  Running run(with_faults({"livemode-false"}));
  auto c = run.client();
  const json inv = body_of(post_json(c, "/v1/investors", investor_body()));
  CHECK(inv["livemode"] == false);
  const json listed = body_of(c.Get("/v1/investors"));
  CHECK(listed["data"][0]["livemode"] == false);
}

TEST_CASE("emulator: metadata is stored and must be an object", "[emulator]") {
  Running run;
  auto c = run.client();
  json body = investor_body();
  body["metadata"] = {{"partner_ref", "u-42"}};
  CHECK(body_of(post_json(c, "/v1/investors", body))["metadata"]["partner_ref"] == "u-42");
  body["metadata"] = "nope";
  auto r = post_json(c, "/v1/investors", body);
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(body_of(r)["error"]["param"] == "metadata");
}
