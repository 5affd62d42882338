// SPEC §5 defence in depth through the real client stack: a check that tries a write toward a
// production target — which planning should have refused — is stopped in the HTTP layer before
// anything is sent, and the run becomes an internal error (exit 70) naming the check.
#include <catch2/catch.hpp>

#include <atomic>

#include "engine/http_stack.hpp"
#include "engine/safety.hpp"
#include "fake_check.hpp"
#include "fixture.hpp"
#include "net/counting_server.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

/// A check of the wrong class (read-only) that POSTs anyway: the kind of bug the guard is for.
RunFn buggy_writer(std::atomic<int>& policy_errors) {
  return [&policy_errors](CheckContext& ctx) {
    for (auto* client : {&ctx.http, ctx.raw_http}) {
      net::Request req;
      req.method = "POST";
      req.url = ctx.target.base_url + "/investors";
      req.body = "{}";
      auto ex = client->send(req);
      if (ex.error() && ex.error()->kind == net::TransportErrorKind::policy) ++policy_errors;
    }
    return result(Status::pass);
  };
}

}  // namespace

TEST_CASE("safety guard: a write that planning missed is stopped and the run exits 70 naming it",
          "[engine][safety]") {
  CountingServer api;
  Target prod;
  prod.profile = make_profile(EnvKind::production, api.srv.url("/v1"));
  prod.base_url = prod.profile.base_url;
  std::atomic<int> policy_errors{0};
  Registry r;
  add_fake(r, info("fake.writer", SideEffect::read_only), buggy_writer(policy_errors));
  add_fake(r, info("fake.reader", SideEffect::read_only), [](CheckContext& ctx) {
    net::Request req;
    req.url = ctx.target.base_url + "/assets";
    return result(ctx.http.send(req).response() ? Status::pass : Status::fail);
  });
  auto plan = plan_checks(r, prod, nullptr, RunOptions{});
  const auto pack = bluum_like();
  REQUIRE(safety_refusals(plan, pack).empty());  // the planning "bug" this test simulates

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  HttpStack http(prod.profile.http, 100, SystemClock::instance(), deadline, {},
                 production_targets(pack, {&prod}));
  std::ostringstream log_text;
  Logger log(log_text, 2);
  RunServices services{
      pack, http.client(), SystemClock::instance(), log, "run-guard", "", {}, {}, &http.raw(), ""};
  auto out = run_checks(plan, services, RunOptions{});
  REQUIRE(out.rows.size() == 2);

  CHECK(policy_errors == 2);  // through the retrying client and the raw one
  CHECK(api.writes == 0);
  CHECK(api.requests == 1);  // reads toward production still go
  const auto lines = guard_failure(http.guard());
  REQUIRE(lines.size() == 3);
  CHECK_THAT(lines[0], Catch::Contains("stopped POST " + api.srv.url("/v1/investors")) &&
                           Catch::Contains("sent by check fake.writer"));
  CHECK_THAT(lines.back(), Catch::StartsWith("VERDICT: INTERNAL ERROR (exit 70)") &&
                               Catch::Contains("check fake.writer tried to write to production"));
  CHECK_THAT(lines.back(), !Catch::Contains("fake.reader"));
}
