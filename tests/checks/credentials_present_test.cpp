#include <catch2/catch.hpp>

#include "check_fixture.hpp"

using namespace golive;
using namespace golive::testing;

namespace {
Target with_creds(profile::Resolution key, profile::Resolution secret) {
  auto t = target(EnvKind::production, "https://api.bluumfinance.com/v1");
  profile::CredentialSource k, s;
  k.env_var = "BLUUM_API_KEY";
  s.env_var = "BLUUM_API_SECRET";
  t.profile.credentials = {{"api_key", k}, {"api_secret", s}};
  t.credentials["api_key"] = std::move(key);
  t.credentials["api_secret"] = std::move(secret);
  return t;
}
}  // namespace

TEST_CASE("credentials.present: passes with fingerprints, never the values", "[checks]") {
  Harness h;
  auto r = h.run("credentials.present",
                 with_creds(resolved("key-canary-1234567", "env BLUUM_API_KEY"),
                            resolved("secret-canary-7654321", "env BLUUM_API_SECRET")));
  REQUIRE(r.status == Status::pass);
  REQUIRE(r.evidence.size() == 2);
  REQUIRE_THAT(r.evidence[0].observed,
               Catch::StartsWith("env BLUUM_API_") && Catch::Contains("sha256:"));
  REQUIRE_THAT(all_text(r), !Catch::Contains("canary"));
}

TEST_CASE("credentials.present: an unset variable fails with a fix naming it", "[checks]") {
  Harness h;
  auto r = h.run("credentials.present",
                 with_creds(unresolved("environment variable BLUUM_API_KEY is not set"),
                            resolved("secret-canary-7654321", "env BLUUM_API_SECRET")));
  REQUIRE(r.status == Status::fail);
  REQUIRE_THAT(r.summary, Catch::Contains("BLUUM_API_KEY is not set"));
  REQUIRE_THAT(r.fix, Catch::Contains("export BLUUM_API_KEY"));
}

TEST_CASE("credentials.present: whitespace, quotes and empty values fail", "[checks]") {
  Harness h;
  for (const char* bad : {" padded-value-123", "\"quoted-value-123\"", "", "two\nlines-123"}) {
    INFO(bad);
    auto r = h.run("credentials.present",
                   with_creds(resolved(bad, "env BLUUM_API_KEY"),
                              resolved("secret-canary-7654321", "env BLUUM_API_SECRET")));
    REQUIRE(r.status == Status::fail);
    REQUIRE_THAT(r.summary, Catch::StartsWith("api_key: value from env BLUUM_API_KEY"));
  }
}

TEST_CASE("credentials.present: a required credential missing from the profile fails", "[checks]") {
  Harness h;
  auto t = target(EnvKind::production, "https://api.bluumfinance.com/v1");
  auto r = h.run("credentials.present", t);
  REQUIRE(r.status == Status::fail);
  REQUIRE_THAT(r.summary, Catch::Contains("api_key: is not declared"));
  REQUIRE_THAT(r.fix, Catch::Contains("credentials.api_key: {env: BLUUM_API_KEY}"));
}
