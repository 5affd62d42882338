#include <catch2/catch.hpp>

#include "engine/safety.hpp"
#include "fake_check.hpp"
#include "fixture.hpp"

using namespace golive;
using namespace golive::testing;

namespace {
std::vector<Refusal> refusals_for(EnvKind kind, const std::string& base_url) {
  Registry r;
  add_fake(r, info("w.write", SideEffect::sandbox_write), nullptr);
  add_fake(r, info("r.read", SideEffect::read_only), nullptr);
  Target t;
  t.profile = make_profile(kind, base_url);
  t.base_url = base_url;
  auto plan = plan_checks(r, t, nullptr, RunOptions{});
  return safety_refusals(plan, bluum_like());
}
}  // namespace

TEST_CASE("safety: sandbox-write against a production-kind profile is refused", "[engine][safety]") {
  auto r = refusals_for(EnvKind::production, "https://api.bluumfinance.com/v1");
  REQUIRE(r.size() == 1);
  REQUIRE(r[0].check_id == "w.write");
  REQUIRE_THAT(r[0].reason, Catch::Contains("production-kind"));
}

TEST_CASE("safety: a sandbox profile pointing at a production host is refused", "[engine][safety]") {
  for (const char* url : {"https://api.bluumfinance.com/v1", "https://service.bluumfinance.com/v1",
                          "https://API.bluumfinance.com:443/v1"}) {
    INFO(url);
    auto r = refusals_for(EnvKind::sandbox, url);
    REQUIRE(r.size() == 1);
    REQUIRE_THAT(r[0].reason, Catch::Contains("known production host"));
  }
}

TEST_CASE("safety: sandbox hosts and loopback emulators are allowed", "[engine][safety]") {
  REQUIRE(refusals_for(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1").empty());
  REQUIRE(refusals_for(EnvKind::sandbox, "http://127.0.0.1:8080/v1").empty());
}
