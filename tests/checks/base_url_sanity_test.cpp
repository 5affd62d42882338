#include <catch2/catch.hpp>

#include "check_fixture.hpp"

using namespace golive;
using namespace golive::testing;

namespace {
CheckResult sanity(EnvKind kind, const std::string& url) {
  Harness h;
  return h.run("base-url.sanity", target(kind, url));
}
}  // namespace

TEST_CASE("base-url.sanity: documented hosts pass", "[checks]") {
  REQUIRE(sanity(EnvKind::production, "https://api.bluumfinance.com/v1").status == Status::pass);
  REQUIRE(sanity(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1").status ==
          Status::pass);
}

TEST_CASE("base-url.sanity: a sandbox host in a production profile fails", "[checks]") {
  auto r = sanity(EnvKind::production, "https://sandbox.api.bluumfinance.com/v1");
  REQUIRE(r.status == Status::fail);
  REQUIRE(r.summary ==
          "sandbox.api.bluumfinance.com is a sandbox host but this profile is production");
  REQUIRE_THAT(r.fix, Catch::Contains("https://api.bluumfinance.com/v1"));
}

TEST_CASE("base-url.sanity: a legacy alias warns", "[checks]") {
  auto r = sanity(EnvKind::production, "https://service.bluumfinance.com/v1");
  REQUIRE(r.status == Status::warn);
  REQUIRE_THAT(r.summary, Catch::Contains("legacy alias"));
}

TEST_CASE("base-url.sanity: http, userinfo, query, fragment and a missing /v1 fail", "[checks]") {
  REQUIRE_THAT(sanity(EnvKind::production, "http://api.bluumfinance.com/v1").summary,
               Catch::Contains("not https"));
  REQUIRE_THAT(sanity(EnvKind::production, "https://u:p@api.bluumfinance.com/v1").summary,
               Catch::Contains("userinfo"));
  REQUIRE_THAT(sanity(EnvKind::production, "https://api.bluumfinance.com/v1?x=1").summary,
               Catch::Contains("query"));
  REQUIRE_THAT(sanity(EnvKind::production, "https://api.bluumfinance.com/v1#top").summary,
               Catch::Contains("fragment"));
  REQUIRE_THAT(sanity(EnvKind::production, "https://api.bluumfinance.com/api").summary,
               Catch::Contains("does not start with /v1"));
}

TEST_CASE("base-url.sanity: an unknown host fails in production and warns in sandbox", "[checks]") {
  REQUIRE(sanity(EnvKind::production, "https://api.example.com/v1").status == Status::fail);
  REQUIRE(sanity(EnvKind::sandbox, "https://staging.example.com/v1").status == Status::warn);
  REQUIRE(sanity(EnvKind::sandbox, "http://127.0.0.1:8080/v1").status == Status::warn);
}

TEST_CASE("base-url.sanity: the userinfo password never reaches the evidence", "[checks]") {
  auto r = sanity(EnvKind::production, "https://user:hunter2canary@api.bluumfinance.com/v1");
  REQUIRE_THAT(all_text(r), !Catch::Contains("hunter2canary"));
}
