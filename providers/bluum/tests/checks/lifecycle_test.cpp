// lifecycle.rehearsal against the in-process emulator: the full lifecycle passes with every
// step's request id as evidence; a killed rehearsal re-run with the same rehearsal_id repeats
// no deposit; broken error paths and refused credentials fail.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

TEST_CASE("lifecycle.rehearsal: the full lifecycle passes with a request id per step",
          "[checks][lifecycle]") {
  Emu e;
  Rehearsal h;
  const auto r = h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK(std::regex_search(
      r.summary,
      std::regex(
          R"(investor inv_\w+ \(KYC approved\), funding source fs_\w+, deposit dep_\w+ )"
          R"(2\.00 completed, order ord_\w+ filled \(0\.005277 AAPL at 189\.50\), )"
          R"(position pos_\w+ 0\.005277 AAPL, withdrawal wd_\w+ 1\.00 \(cancelled wd_\w+\), )"
          R"(400 BLUM-400-005, 404 BLUM-404-001)")));
  CHECK(r.evidence.size() == 9);
  require_request_ids(r);
  require_no_secret(r);
  CHECK(e.deposits() == 1);
  CHECK(e.withdrawals() == 1);
}

TEST_CASE("lifecycle.rehearsal: re-running a killed rehearsal creates no second deposit",
          "[checks][lifecycle][rerun]") {
  Emu e;
  const auto options = YAML::Load("{rehearsal_id: cutover-2}");
  for (int allow : {3, 5}) {  // killed right after the deposit, then right after the order
    Rehearsal killed;
    killed.run_id = "run-killed-" + std::to_string(allow);
    killed.kill_after = allow;
    const auto r = killed.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()), options);
    INFO(r.summary);
    REQUIRE(r.status == Status::inconclusive);
    REQUIRE(e.deposits() == 1);
  }
  for (const char* run : {"run-resumed", "run-repeated"}) {
    Rehearsal h;
    h.run_id = run;
    const auto r = h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()), options);
    INFO(r.summary);
    REQUIRE(r.status == Status::pass);
    CHECK_THAT(r.summary, Catch::Contains("with keys of rehearsal cutover-2"));
  }
  CHECK(e.deposits() == 1);
  CHECK(e.withdrawals() == 1);
}

TEST_CASE("lifecycle.rehearsal: a 404 without the error envelope fails", "[checks][lifecycle]") {
  Emu e;
  Rehearsal h;
  h.tamper = [](const net::Request& req, net::Exchange& x) {
    auto* resp = std::get_if<net::Response>(&x.outcome);
    if (resp && req.url.find("/orders/ord_golive") != std::string::npos) resp->body = "Not Found";
  };
  const auto r = h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::StartsWith("GET /investors/{inv}/orders/ord_golivezzzzzzzzzzzzzz "
                                          "answered 404 instead of 404 with {error:") &&
                            Catch::Contains("(after: investor inv_"));
  CHECK_THAT(r.fix, Catch::Contains("error envelope"));
  CHECK(r.evidence.back().status == 404);
}

TEST_CASE("lifecycle.rehearsal: a market order that stays open is cancelled, inconclusive",
          "[checks][lifecycle]") {
  Emu e;
  Rehearsal h;
  h.tamper = [](const net::Request& req, net::Exchange& x) {
    auto* resp = std::get_if<net::Response>(&x.outcome);
    if (!resp || req.url.find("/orders") == std::string::npos || req.method == "GET") return;
    auto pos = resp->body.find("\"status\":\"filled\"");
    if (pos != std::string::npos) resp->body.replace(pos, 17, "\"status\":\"open\"");
  };
  const auto r =
      h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()), YAML::Load("{settle_s: 0}"));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("is still open after 0 s (market closed?)"));
}

TEST_CASE("lifecycle.rehearsal: refused credentials fail at the first step",
          "[checks][lifecycle]") {
  Emu e({}, std::make_pair(std::string("other"), std::string("pair")));
  Rehearsal h;
  const auto r = h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("401 BLUM-401-003"));
  CHECK(r.evidence.size() == 1);
  require_no_secret(r);
}
