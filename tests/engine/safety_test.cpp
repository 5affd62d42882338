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

TEST_CASE("safety: sandbox-write against a production-kind profile is refused",
          "[engine][safety]") {
  auto r = refusals_for(EnvKind::production, "https://api.bluumfinance.com/v1");
  REQUIRE(r.size() == 1);
  REQUIRE(r[0].check_id == "w.write");
  REQUIRE_THAT(r[0].reason, Catch::Contains("production-kind"));
}

TEST_CASE("safety: a sandbox profile pointing at a production host is refused",
          "[engine][safety]") {
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

TEST_CASE("safety: the allowlist admits only pack sandbox hosts and loopback, in any spelling",
          "[engine][safety]") {
  const auto pack = bluum_like();
  for (const char* url :
       {"https://sandbox.api.bluumfinance.com/v1", "https://SANDBOX.api.BluumFinance.com./v1",
        "https://sandbox.api.bluumfinance.com:443/v1", "https://test-service.bluumfinance.com/v1",
        "http://127.0.0.1:8080/v1", "http://0x7f.1:8080/v1", "http://[::1]:9/v1",
        "http://localhost:4010/v1", "embedded"}) {
    INFO(url);
    CHECK_FALSE(write_refusal(pack, WriteTarget{EnvKind::sandbox, url}).has_value());
  }
}

TEST_CASE("safety: the allowlist refuses everything else, naming the host and the rule",
          "[engine][safety]") {
  const auto pack = bluum_like();
  struct Case {
    const char* url;
    const char* says;
  };
  for (const Case& c : std::vector<Case>{
           {"https://api.bluumfinance.com./v1",
            "api.bluumfinance.com (written api.bluumfinance.com.) "
            "is a known production host"},
           {"https://API.BLUUMFINANCE.COM/v1", "host api.bluumfinance.com is a known production"},
           {"https://api.bluumfinance.com:443/v1",
            "api.bluumfinance.com (written "
            "api.bluumfinance.com:443) is a known production"},
           {"https://\xef\xbd\x81\xef\xbd\x90\xef\xbd\x89.bluumfinance.com/v1",
            "api.bluumfinance.com (written"},
           {"https://203.0.113.7/v1", "203.0.113.7 is an IP literal"},
           {"https://3405803783/v1", "host 203.0.113.7 is an IP literal"},
           {"https://[2001:db8::1]/v1", "[2001:db8::1] is an IP literal"},
           {"https://user:pw@sandbox.api.bluumfinance.com/v1", "userinfo"},
           {"http://user@127.0.0.1:9/v1", "userinfo"},
           {"https://sandbox.api.bluumfinance.com:8443/v1", "sandbox host on a port"},
           {"https://sandbox.api.bluumfinance.example/v1", "is not a sandbox host of Bluum"},
           {"https://localhost./v1", "localhost (written localhost.) is not a sandbox host"},
           {"ftp://sandbox.api.bluumfinance.com/v1", "cannot be parsed"},
           {"", "cannot be parsed"}}) {
    INFO(c.url);
    const auto why = write_refusal(pack, WriteTarget{EnvKind::sandbox, c.url});
    REQUIRE(why.has_value());
    CHECK_THAT(*why, Catch::Contains(c.says));
    CHECK_THAT(*why,
               Catch::Contains("sandbox.api.bluumfinance.com, test-service.bluumfinance.com") &&
                   Catch::Contains("or to loopback (SPEC §5 allowlist)"));
  }
}

TEST_CASE("safety: a production-kind profile is refused whatever its host", "[engine][safety]") {
  const auto pack = bluum_like();
  for (const char* url :
       {"https://sandbox.api.bluumfinance.com/v1", "http://127.0.0.1:9/v1", "embedded"}) {
    INFO(url);
    const auto why = write_refusal(pack, WriteTarget{EnvKind::production, url});
    REQUIRE(why.has_value());
    CHECK_THAT(*why, Catch::Contains("production-kind"));
  }
}

TEST_CASE("safety: the resolved base URL is judged as well as the profile's", "[engine][safety]") {
  Target t;
  t.profile = make_profile(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
  t.base_url = "https://api.bluumfinance.com/v1";
  CHECK(write_refusal(bluum_like(), t).has_value());
  t.base_url = t.profile.base_url;
  CHECK_FALSE(write_refusal(bluum_like(), t).has_value());
}

TEST_CASE("safety: a partner-endpoint check never delivers to a production target",
          "[engine][safety]") {
  Registry r;
  add_fake(r, info("webhook.fake", SideEffect::partner_endpoint), nullptr);
  for (const char* hook : {"https://API.bluumfinance.com./hooks", "http://127.0.0.1:4100/hooks"}) {
    INFO(hook);
    Target t;
    t.profile = make_profile(EnvKind::production, "http://127.0.0.1:4100/v1");
    t.profile.webhook = profile::WebhookConfig{};
    t.profile.webhook->url = hook;
    auto plan = plan_checks(r, t, nullptr, RunOptions{});
    const auto refusals = safety_refusals(plan, bluum_like());
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].side_effect == SideEffect::partner_endpoint);
    CHECK_THAT(describe(refusals[0]),
               Catch::Contains("refused: webhook.fake is a partner-endpoint check and its webhook "
                               "URL host") &&
                   Catch::Contains("is a production target of the provider API"));
  }
  // The partner's own receiver, even on another loopback port, is not the provider API.
  Target ok;
  ok.profile = make_profile(EnvKind::production, "http://127.0.0.1:4100/v1");
  ok.profile.webhook = profile::WebhookConfig{};
  ok.profile.webhook->url = "http://127.0.0.1:4200/hooks";
  auto plan = plan_checks(r, ok, nullptr, RunOptions{});
  CHECK(safety_refusals(plan, bluum_like()).empty());
}

TEST_CASE("safety: the guard protects the pack's production hosts and production-kind targets",
          "[engine][safety]") {
  Target prod, sandbox;
  prod.profile = make_profile(EnvKind::production, "https://gateway.partner.example/v1");
  sandbox.profile = make_profile(EnvKind::sandbox, "http://127.0.0.1:4200/v1");
  const auto t = production_targets(bluum_like(), {&prod, &sandbox, nullptr});
  CHECK(t.hosts == std::vector<std::string>{"api.bluumfinance.com", "service.bluumfinance.com",
                                            "api.bluum.finance", "gateway.partner.example"});
  CHECK(t.authorities.empty());
}

TEST_CASE("safety: a guard that never tripped is no failure", "[engine][safety]") {
  net::WriteGuard guard;
  CHECK(guard_failure(guard).empty());
}

TEST_CASE("safety: a rehearsal sharing the production profile's base URL is refused",
          "[engine][safety]") {
  Registry r;
  add_fake(r, info("w.write", SideEffect::sandbox_write), nullptr);
  Target prod, sandbox;
  prod.profile = make_profile(EnvKind::production, "http://127.0.0.1:4100/v1");
  sandbox.profile = make_profile(EnvKind::sandbox, "http://127.0.0.1:4100/v1");
  auto plan = plan_checks(r, prod, &sandbox, RunOptions{});
  REQUIRE(plan.size() == 1);
  REQUIRE(plan[0].target == &sandbox);
  const auto refusals = safety_refusals(plan, bluum_like(), {&prod, &sandbox});
  REQUIRE(refusals.size() == 1);
  CHECK_THAT(refusals[0].reason,
             Catch::Contains("127.0.0.1:4100 is also the base URL of a production-kind profile"));
  sandbox.profile.base_url = "http://127.0.0.1:4200/v1";
  CHECK(safety_refusals(plan, bluum_like(), {&prod, &sandbox}).empty());
}

// One host for both modes (Blockchain0x: the key prefix is the mode).
namespace {
const std::string kB0xHost = "https://api.blockchain0x.com/v1";

/// A key of `prefix` built at run time (no key shape in this tracked file).
std::string b0x_key(const std::string& prefix) {
  return prefix + std::string("SAFETYcanary") + "0123456789abcdef";
}

Target b0x_target(EnvKind kind, const std::string& url, const std::string& key) {
  Target t;
  t.profile = make_profile(kind, url);
  t.profile.provider = "blockchain0x";
  t.base_url = url;
  t.credentials["api_key"] = profile::Resolution{Secret(key, "env B0X"), ""};
  return t;
}
}  // namespace

TEST_CASE("safety: a one-host pack admits a write only with a test-mode key", "[engine][safety]") {
  const auto pack = provider_pack("blockchain0x");
  CHECK_FALSE(write_refusal(pack, b0x_target(EnvKind::sandbox, kB0xHost, b0x_key("sk_test_"))));
  CHECK_FALSE(write_refusal(pack, b0x_target(EnvKind::sandbox, "embedded", b0x_key("sk_test_"))));
  for (const std::string& url :
       {kB0xHost, std::string("http://127.0.0.1:4100/v1"), std::string("embedded")}) {
    INFO(url);
    auto live = write_refusal(pack, b0x_target(EnvKind::sandbox, url, b0x_key("sk_live_")));
    REQUIRE(live);
    CHECK_THAT(*live, Catch::Contains("a live-mode key (sk_live_…)") &&
                          Catch::Contains("X-Network: testnet") &&
                          Catch::Contains("whatever the host"));
    CHECK_THAT(*live, !Catch::Contains(b0x_key("sk_live_")));
    auto odd = write_refusal(pack, b0x_target(EnvKind::sandbox, url, "pk_something_else_123"));
    REQUIRE(odd);
    CHECK_THAT(*odd, Catch::Contains("neither a sk_test_… nor a sk_live_… key"));
    auto prod = write_refusal(pack, b0x_target(EnvKind::production, url, b0x_key("sk_test_")));
    REQUIRE(prod);
    CHECK_THAT(*prod, Catch::Contains("production-kind"));
  }
}

TEST_CASE("safety: a one-host pack's guard protects production credentials, not the host",
          "[engine][safety]") {
  const auto pack = provider_pack("blockchain0x");
  const auto prod = b0x_target(EnvKind::production, kB0xHost, b0x_key("sk_live_"));
  const auto sandbox = b0x_target(EnvKind::sandbox, kB0xHost, b0x_key("sk_test_"));
  const auto t = production_targets(pack, {&prod, &sandbox});
  CHECK(t.hosts.empty());
  CHECK(t.authorities.empty());
  REQUIRE(t.credentials.size() == 1);
  CHECK(t.credentials[0].reveal() == b0x_key("sk_live_"));
}

TEST_CASE("safety: a rehearsal on the production profile's host with its own test key is allowed",
          "[engine][safety]") {
  Registry r;
  add_fake(r, info("w.write", SideEffect::sandbox_write), nullptr);
  const auto pack = provider_pack("blockchain0x");
  auto prod = b0x_target(EnvKind::production, kB0xHost, b0x_key("sk_live_"));
  auto sandbox = b0x_target(EnvKind::sandbox, kB0xHost, b0x_key("sk_test_"));
  auto plan = plan_checks(r, prod, &sandbox, RunOptions{});
  REQUIRE(plan.size() == 1);
  CHECK(safety_refusals(plan, pack, {&prod, &sandbox}).empty());
  // The production profile holding the same (test) key: the guard would refuse the write.
  prod.credentials["api_key"] = sandbox.credentials["api_key"];
  const auto refusals = safety_refusals(plan, pack, {&prod, &sandbox});
  REQUIRE(refusals.size() == 1);
  CHECK_THAT(refusals[0].reason,
             Catch::Contains("credentials.api_key is also a credential of a production-kind"));
}
