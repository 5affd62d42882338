#include <catch2/catch.hpp>

#include <thread>

#include "fake_check.hpp"
#include "fixture.hpp"

using namespace golive;
using namespace golive::testing;
using namespace std::chrono_literals;

namespace {
Target sandbox_target() {
  Target t;
  t.profile = make_profile(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
  return t;
}
}  // namespace

TEST_CASE("runner: a check that throws becomes inconclusive, never a crash", "[engine]") {
  Registry r;
  add_fake(r, info("x.throws"),
           [](CheckContext&) -> CheckResult { throw std::runtime_error("boom"); });
  add_fake(r, info("x.passes"), [](CheckContext&) { return result(Status::pass); });
  auto target = sandbox_target();
  Services s;
  auto plan = plan_checks(r, target, nullptr, RunOptions{});
  auto out = run_checks(plan, s.services, RunOptions{});
  REQUIRE(out.rows.size() == 2);
  REQUIRE(out.rows[0].result.id == "x.passes");
  REQUIRE(out.rows[0].result.status == Status::pass);
  REQUIRE(out.rows[1].result.status == Status::inconclusive);
  REQUIRE_THAT(out.rows[1].result.summary, Catch::Contains("boom"));
}

TEST_CASE("runner: a check that overruns the deadline is reported inconclusive", "[engine]") {
  Registry r;
  add_fake(r, info("x.slow"), [](CheckContext&) {
    std::this_thread::sleep_for(2s);
    return result(Status::pass);
  });
  auto target = sandbox_target();
  Services s;
  RunOptions o;
  o.timeout = 100ms;
  auto plan = plan_checks(r, target, nullptr, o);
  auto out = run_checks(plan, s.services, o);
  REQUIRE(out.abandoned == 1);
  REQUIRE(out.rows[0].result.status == Status::inconclusive);
  REQUIRE_THAT(out.rows[0].result.summary, Catch::Contains("deadline"));
  // Let the abandoned thread finish before the fixture it references goes away.
  std::this_thread::sleep_for(1500ms);
}

TEST_CASE("runner: checks run concurrently", "[engine]") {
  Registry r;
  std::atomic<int> inside{0}, peak{0};
  auto fn = [&](CheckContext&) {
    int now = ++inside;
    int p = peak.load();
    while (now > p && !peak.compare_exchange_weak(p, now)) {
    }
    std::this_thread::sleep_for(100ms);
    --inside;
    return result(Status::pass);
  };
  for (const char* id : {"c.a", "c.b", "c.c", "c.d"}) add_fake(r, info(id), fn);
  auto target = sandbox_target();
  Services s;
  auto plan = plan_checks(r, target, nullptr, RunOptions{});
  run_checks(plan, s.services, RunOptions{});
  REQUIRE(peak.load() > 1);
}

TEST_CASE("runner: --only, --skip, environment kind and enabled:false select checks", "[engine]") {
  Registry r;
  add_fake(r, info("a.any"), nullptr);
  add_fake(r, info("b.prod-only", SideEffect::static_only, {EnvKind::production}), nullptr);
  add_fake(r, info("c.disabled"), nullptr);
  add_fake(r, info("d.skipped"), nullptr);
  auto target = sandbox_target();
  profile::CheckConfig disabled;
  disabled.id = "c.disabled";
  disabled.enabled = false;
  target.profile.checks["c.disabled"] = disabled;
  RunOptions o;
  o.skip = {"d.skipped"};
  auto plan = plan_checks(r, target, nullptr, o);
  REQUIRE(plan.size() == 1);
  REQUIRE(plan[0].entry->info.id == "a.any");
  o.skip.clear();
  o.only = {"d.skipped"};
  REQUIRE(plan_checks(r, target, nullptr, o).size() == 1);
}

TEST_CASE("runner: unknown --only and --skip ids are reported together", "[engine]") {
  Registry r;
  add_fake(r, info("api.smoke"), nullptr);
  auto target = sandbox_target();
  RunOptions o;
  o.only = {"api.smok"};
  o.skip = {"nope.nothing"};
  try {
    plan_checks(r, target, nullptr, o);
    FAIL("expected ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    REQUIRE_THAT(e.diagnostics()[0].str(), Catch::Contains("did you mean 'api.smoke'?"));
  }
}

TEST_CASE("runner: a production run sends sandbox-write checks to the rehearsal target",
          "[engine]") {
  Registry r;
  add_fake(r, info("w.write", SideEffect::sandbox_write), nullptr);
  add_fake(r, info("r.read", SideEffect::read_only), nullptr);
  Target prod;
  prod.profile = make_profile(EnvKind::production, "https://api.bluumfinance.com/v1");
  Target sbx = sandbox_target();
  auto plan = plan_checks(r, prod, &sbx, RunOptions{});
  REQUIRE(plan.size() == 2);
  REQUIRE(plan[0].target == &prod);  // r.read
  REQUIRE(plan[1].target == &sbx);   // w.write
}

namespace {
CheckInfo needing(std::string id, std::vector<std::string> prerequisites) {
  auto i = info(std::move(id));
  i.prerequisites = std::move(prerequisites);
  return i;
}
}  // namespace

TEST_CASE("runner: a check runs after its prerequisite and receives its result", "[engine]") {
  Registry r;
  std::atomic<bool> first_done{false};
  // "a.needs" sorts first in the plan, so only the prerequisite rule makes it wait.
  add_fake(r, needing("a.needs", {"z.control"}), [&](CheckContext& ctx) {
    const auto* control = ctx.prerequisite("z.control");
    if (!first_done.load() || !control) return result(Status::fail, "ran too early");
    return result(control->status, "saw: " + control->summary);
  });
  add_fake(r, info("z.control"), [&](CheckContext&) {
    std::this_thread::sleep_for(200ms);
    first_done = true;
    return result(Status::pass, "control passed");
  });
  auto target = sandbox_target();
  Services s;
  auto plan = plan_checks(r, target, nullptr, RunOptions{});
  auto out = run_checks(plan, s.services, RunOptions{});
  REQUIRE(out.rows.size() == 2);
  CHECK(out.rows[0].result.status == Status::pass);
  CHECK(out.rows[0].result.summary == "saw: control passed");
}

TEST_CASE("runner: a prerequisite that is not planned is absent, not waited for", "[engine]") {
  Registry r;
  add_fake(r, needing("a.needs", {"z.control"}), [](CheckContext& ctx) {
    return result(ctx.prerequisite("z.control") ? Status::fail : Status::pass);
  });
  add_fake(r, info("z.control"), [](CheckContext&) { return result(Status::pass); });
  auto target = sandbox_target();
  Services s;
  RunOptions o;
  o.skip = {"z.control"};
  auto plan = plan_checks(r, target, nullptr, o);
  auto out = run_checks(plan, s.services, o);
  REQUIRE(out.rows.size() == 1);
  CHECK(out.rows[0].result.status == Status::pass);
}

TEST_CASE("runner: a prerequisite planned against another target is not handed over", "[engine]") {
  Registry r;
  add_fake(r, needing("r.needs", {"w.write"}), [](CheckContext& ctx) {
    return result(ctx.prerequisite("w.write") ? Status::fail : Status::pass);
  });
  add_fake(r, info("w.write", SideEffect::sandbox_write),
           [](CheckContext&) { return result(Status::pass); });
  Target prod;
  prod.profile = make_profile(EnvKind::production, "https://api.bluumfinance.com/v1");
  Target sbx = sandbox_target();
  Services s;
  auto plan = plan_checks(r, prod, &sbx, RunOptions{});
  auto out = run_checks(plan, s.services, RunOptions{});
  REQUIRE(out.rows.size() == 2);
  CHECK(out.rows[0].result.id == "r.needs");
  CHECK(out.rows[0].result.status == Status::pass);
}

TEST_CASE("runner: a prerequisite that overruns hands over an inconclusive result", "[engine]") {
  Registry r;
  add_fake(r, needing("a.needs", {"z.slow"}), [](CheckContext& ctx) {
    const auto* slow = ctx.prerequisite("z.slow");
    return result(slow && slow->status == Status::inconclusive ? Status::pass : Status::fail,
                  slow ? slow->summary : "absent");
  });
  add_fake(r, info("z.slow"), [](CheckContext&) {
    std::this_thread::sleep_for(2s);
    return result(Status::pass);
  });
  auto target = sandbox_target();
  Services s;
  RunOptions o;
  o.timeout = 200ms;
  auto plan = plan_checks(r, target, nullptr, o);
  auto out = run_checks(plan, s.services, o);
  REQUIRE(out.rows.size() == 2);
  CHECK(out.rows[0].result.status == Status::pass);
  CHECK_THAT(out.rows[0].result.summary, Catch::Contains("did not finish"));
  CHECK(out.rows[1].result.status == Status::inconclusive);
  // Let the abandoned thread finish before the fixture it references goes away.
  std::this_thread::sleep_for(2s);
}

TEST_CASE("runner: prerequisites that form a cycle are refused before anything runs", "[engine]") {
  Registry r;
  std::atomic<int> ran{0};
  add_fake(r, needing("a.one", {"b.two"}), [&](CheckContext&) {
    ++ran;
    return result(Status::pass);
  });
  add_fake(r, needing("b.two", {"a.one"}), [&](CheckContext&) {
    ++ran;
    return result(Status::pass);
  });
  auto target = sandbox_target();
  Services s;
  auto plan = plan_checks(r, target, nullptr, RunOptions{});
  CHECK_THROWS_AS(run_checks(plan, s.services, RunOptions{}), std::logic_error);
  CHECK(ran == 0);
}
