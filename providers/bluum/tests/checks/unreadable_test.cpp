// Issue 10 §6: the sandbox-write checks against answers they cannot read (a body that is not
// JSON or was cut at the size cap, a list that is only the first page of a longer one): each is
// inconclusive with the reason, never a duplicate-deposit failure, a warning or a pass.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

/// A tamper hook that rewrites the `nth` (1-based) answer of class `klass` (2 for 2xx, 4 for
/// 4xx) to `method` on a URL containing `part` with `rewrite`.
std::function<void(const net::Request&, net::Exchange&)> rewrite_nth(
    std::string method, std::string part, int klass, int nth,
    std::function<void(net::Response&)> rewrite) {
  auto seen = std::make_shared<std::atomic<int>>(0);
  return [=](const net::Request& req, net::Exchange& x) {
    auto* resp = std::get_if<net::Response>(&x.outcome);
    if (!resp || resp->status / 100 != klass || req.method != method ||
        req.url.find(part) == std::string::npos) {
      return;
    }
    if (++*seen == nth) rewrite(*resp);
  };
}

void not_json(net::Response& r) {
  r.body = "<html>upstream hiccup</html>";
}

void cut(net::Response& r) {
  r.body = r.body.substr(0, r.body.size() / 2);
  r.truncated = true;
}

}  // namespace

TEST_CASE(
    "idempotency.replay: a replay answered 2xx with a body that is not JSON is "
    "inconclusive, not a second deposit",
    "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("POST", "/deposits", 2, 2, not_json);
  const auto r = h.run("idempotency.replay", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("#2, same body answered 201, but the response body is "
                                        "not JSON") &&
                            Catch::Contains("could not be verified"));
  CHECK_THAT(r.summary, !Catch::Contains("created for key"));
  CHECK(e.deposits() == 1);
  require_no_secret(r);
}

TEST_CASE(
    "idempotency.conflict: a 409 whose body was cut at the size cap is inconclusive, not a "
    "warning",
    "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("POST", "/deposits", 4, 1, cut);
  const auto r = h.run("idempotency.conflict", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("was refused with 409, but the response body exceeded "
                                        "the size cap") &&
                            Catch::Contains("its code could not be verified"));
}

TEST_CASE("idempotency.replay: a list that is not a list is inconclusive, not a failure",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("GET", "/deposits?limit=200", 2, 2, [](net::Response& r) {
    r.body = R"({"object":"investor","id":"inv_x"})";
  });
  const auto r = h.run("idempotency.replay", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("after answered 200, but the body is not a list"));
}

TEST_CASE(
    "idempotency.replay: a list that grew wrongly on a first page with has_more is "
    "inconclusive",
    "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  // The "after" list no longer shows the new deposit on its first page, and says there is more.
  h.tamper = rewrite_nth("GET", "/deposits?limit=200", 2, 2, [](net::Response& r) {
    r.body = R"({"object":"list","has_more":true,"data":[]})";
  });
  const auto r = h.run("idempotency.replay", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("grew by 0") &&
                            Catch::Contains("the list is longer than the page read"));
  CHECK_THAT(r.fix, Catch::Contains("new rehearsal_id"));
}

TEST_CASE("idempotency.replay: a transfer whose status is not a string is read, not thrown on",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("GET", "/deposits?limit=200", 2, 1, [](net::Response& r) {
    r.body = R"({"object":"list","has_more":false,"data":[{"id":"dep_old","status":7}]})";
  });
  const auto r = h.run("idempotency.replay", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  CHECK(r.status == Status::pass);
}

TEST_CASE("idempotency.concurrent: a 2xx whose body is not JSON is inconclusive",
          "[checks][idempotency]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("POST", "/deposits", 2, 3, not_json);
  const auto r = h.run("idempotency.concurrent", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("but the response body is not JSON") &&
                            Catch::Contains("one deposit per key could not be verified"));
  CHECK(e.deposits() == 1);
}

TEST_CASE("lifecycle.rehearsal: a position answered with a body that is not JSON is inconclusive",
          "[checks][lifecycle]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("GET", "/positions/", 2, 1, not_json);
  const auto r = h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("positions/AAPL answered 200, but the response body is "
                                        "not JSON"));
}

TEST_CASE("lifecycle.rehearsal: an error path whose body was cut is inconclusive",
          "[checks][lifecycle]") {
  Emu e;
  Rehearsal h;
  h.tamper = rewrite_nth("GET", "/orders/ord_golive", 4, 1, cut);
  const auto r = h.run("lifecycle.rehearsal", rehearsal_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("exceeded the size cap"));
}
