// api.livemode against the emulator (livemode: true by default; livemode-false fault).
#include <catch2/catch.hpp>

#include "checks/api/support.hpp"

using namespace golive;
using namespace golive::testing;

TEST_CASE("api.livemode: applies to production profiles only", "[checks][api]") {
  const auto info = builtin_registry().find("api.livemode")->info;
  CHECK(info.applies_to(EnvKind::production));
  CHECK_FALSE(info.applies_to(EnvKind::sandbox));
  CHECK(info.side_effect == SideEffect::read_only);
}

TEST_CASE("api.livemode: live resources pass", "[checks][api]") {
  Emu e;
  REQUIRE(e.register_webhook("https://partner.example.com/hooks") == 201);
  ApiHarness h;
  const auto r = h.run("api.livemode", api_target(e.emu.base_url(), EnvKind::production));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary,
             Catch::Contains("1 webhook endpoints") && Catch::Contains("livemode: true"));
  REQUIRE(r.evidence.size() == 2);  // investors (none), then webhooks
  CHECK_THAT(r.evidence[0].observed, Catch::Contains("0 with livemode: true"));
}

TEST_CASE("api.livemode: livemode-false fails: a test key is wired into production",
          "[checks][api]") {
  Emu e({"livemode-false"});
  REQUIRE(e.call("POST", "/investors",
                 R"({"first_name":"Ada","last_name":"L","email":"ada@example.com"})") == 201);
  ApiHarness h;
  const auto r = h.run("api.livemode", api_target(e.emu.base_url(), EnvKind::production));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("1 of 1 investors carry livemode: false (inv_") &&
                            Catch::Contains("a test (sandbox) key is wired into production"));
  CHECK_FALSE(r.fix.empty());
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].status == 200);
  CHECK_THAT(r.evidence[0].request_id, Catch::StartsWith("req_"));
  require_no_secret(r);
}

TEST_CASE("api.livemode: with no partner resource yet it is inconclusive", "[checks][api]") {
  Emu e;
  ApiHarness h;
  const auto r = h.run("api.livemode", api_target(e.emu.base_url(), EnvKind::production));
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("no investors or webhook endpoints exist yet"));
}

TEST_CASE("api.livemode: a 401 fails with the code's meaning", "[checks][api]") {
  bluum::emulator::Options o;
  o.credentials = std::make_pair(std::string("other"), std::string("pair"));
  bluum::emulator::Emulator emu(o);
  emu.start();
  ApiHarness h;
  const auto r = h.run("api.livemode", api_target(emu.base_url(), EnvKind::production));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("401 BLUM-401-003"));
}
