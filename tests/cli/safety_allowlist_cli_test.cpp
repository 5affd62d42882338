// SPEC §5 allowlist through the real binary: a sandbox-write request goes only to a sandbox host
// of the pack or to loopback, compared after normalisation. Every other spelling exits 4 before
// anything is sent. Runs route every non-loopback request through a counting loopback proxy, so
// "nothing was sent" is observed (and no test can leave the machine).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli_support.hpp"
#include "net/counting_server.hpp"
#include "safety_support.hpp"

using namespace golive::testing;
namespace fs = std::filesystem;

namespace {

Env with(Env env, const Env& more) {
  for (const auto& [k, v] : more) env[k] = v;
  return env;
}

/// A --packs-dir whose bluum pack (a pack under development) serves international host names.
std::string packs_with_idn_pack(const Scratch& s) {
  std::ifstream in(fs::path(GOLIVE_SOURCE_DIR) / "providers" / "bluum" / "pack.yaml");
  std::string pack((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto from = pack.find("hosts:");
  const auto to = pack.find("path_prefix:");
  REQUIRE((from != std::string::npos && to != std::string::npos));
  pack.replace(from, to - from,
               "hosts:\n"
               "  - {host: sandbox.xn--bcher-kva.example, modes: [sandbox]}\n"
               "  - {host: api.xn--bcher-kva.example, modes: [production]}\n");
  const auto name = pack.find("display_name: Bluum Finance");
  REQUIRE(name != std::string::npos);
  pack.replace(name, std::string("display_name: Bluum Finance").size(), "display_name: IDN Bank");
  s.write("packs/providers/bluum/pack.yaml", pack);
  return (s.path / "packs").string();
}

}  // namespace

TEST_CASE("safety: production-host spellings, IP literals and unknown hosts exit 4, send nothing",
          "[cli][safety]") {
  CountingServer proxy;
  Scratch s("allowlist-spellings");
  struct Case {
    const char* url;
    const char* names;
  };
  for (const Case& c : std::vector<Case>{
           {"https://api.bluumfinance.com./v1",
            "api.bluumfinance.com (written api.bluumfinance.com.)"},
           {"https://API.BluumFinance.COM/v1",
            "host api.bluumfinance.com is a known production host"},
           {"https://api.bluumfinance.com:443/v1", "(written api.bluumfinance.com:443)"},
           {"https://service.bluumfinance.com.:443/v1", "service.bluumfinance.com (written"},
           {"https://203.0.113.7/v1", "host 203.0.113.7 is an IP literal"},
           {"https://3405803783/v1", "host 203.0.113.7 is an IP literal"},
           {"https://[2001:db8::1]/v1", "host [2001:db8::1] is an IP literal"},
           {"https://[::ffff:203.0.113.7]/v1", "is an IP literal"},
           {"https://sandbox.api.bluumfinance.example/v1", "is not a sandbox host of Bluum"}}) {
    for (const bool plan : {false, true}) {
      INFO(c.url << (plan ? " --plan" : ""));
      auto profile = s.write("sandbox.yaml", profile_text("sandbox", c.url));
      std::vector<std::string> args{"check", "--profile", profile, "--only", "idempotency.replay"};
      if (plan) args.push_back("--plan");
      auto r = run_golive(args, with(kEnv, proxy.proxy_env()));
      INFO(r.out << r.err);
      REQUIRE(r.exit_code == 4);
      CHECK_THAT(r.err, Catch::Contains("refused: idempotency.replay is a sandbox-write check") &&
                            Catch::Contains(c.names) &&
                            Catch::Contains("or to loopback (SPEC §5 allowlist)"));
      CHECK_THAT(last_line(r.err), Catch::Contains("(exit 4)"));
      require_clean(r);
    }
  }
  CHECK(proxy.requests == 0);
}

TEST_CASE("safety: the sandbox host in any spelling is allowed (--plan exits 0)", "[cli][safety]") {
  Scratch s("allowlist-sandbox");
  for (const char* url :
       {"https://SANDBOX.api.bluumfinance.com./v1", "https://sandbox.api.bluumfinance.com:443/v1",
        "https://test-service.bluumfinance.com/v1"}) {
    INFO(url);
    auto profile = s.write("sandbox.yaml", profile_text("sandbox", url));
    auto r =
        run_golive({"check", "--profile", profile, "--only", kRehearsalChecks, "--plan"}, kEnv);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("safety: a base URL with userinfo is a profile error (exit 2) and sends nothing",
          "[cli][safety]") {
  // The profile loader refuses userinfo before any planning; the allowlist refuses it as well for
  // callers that do not go through a profile (tests/engine/safety_test.cpp).
  CountingServer proxy;
  Scratch s("allowlist-userinfo");
  for (const char* url : {"https://user:pw@sandbox.api.bluumfinance.com/v1",
                          "https://sandbox.api.bluumfinance.com\\@api.bluumfinance.com/v1"}) {
    INFO(url);
    auto profile = s.write("sandbox.yaml", profile_text("sandbox", url));
    auto r = run_golive({"check", "--profile", profile, "--only", "idempotency.replay"},
                        with(kEnv, proxy.proxy_env()));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("nothing was sent"));
  }
  CHECK(proxy.requests == 0);
}

TEST_CASE("safety: the punycode spelling of an international production host exits 4",
          "[cli][safety]") {
  CountingServer proxy;
  Scratch s("allowlist-idn");
  const auto packs = packs_with_idn_pack(s);
  auto prod = s.write("p.yaml", profile_text("sandbox", "https://API.XN--BCHER-KVA.example./v1"));
  auto r =
      run_golive({"--packs-dir", packs, "check", "--profile", prod, "--only", "idempotency.replay"},
                 with(kEnv, proxy.proxy_env()));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 4);
  CHECK_THAT(r.err,
             Catch::Contains("host api.xn--bcher-kva.example (written") &&
                 Catch::Contains("is a known production host of IDN Bank") &&
                 Catch::Contains("sandbox host of IDN Bank (sandbox.xn--bcher-kva.example)"));
  auto sandbox =
      s.write("s.yaml", profile_text("sandbox", "https://sandbox.xn--bcher-kva.example/v1"));
  auto plan = run_golive({"--packs-dir", packs, "check", "--profile", sandbox, "--only",
                          "idempotency.replay", "--plan"},
                         kEnv);
  INFO(plan.out << plan.err);
  CHECK(plan.exit_code == 0);
  CHECK(proxy.requests == 0);
}

TEST_CASE("safety: a rehearsal profile at a production host exits 4 before sending",
          "[cli][safety]") {
  CountingServer production;  // the production profile's API, and the proxy for everything else
  Scratch s("allowlist-rehearsal");
  s.write("sandbox.yaml", profile_text("sandbox", "https://API.bluumfinance.com./v1"));
  auto prod = s.write("production.yaml", profile_text("production", production.srv.url("/v1"),
                                                      "rehearsal: sandbox\n"));
  for (const bool plan : {false, true}) {
    INFO((plan ? "--plan" : "run"));
    std::vector<std::string> args{"check", "--profile", prod, "--only",
                                  "idempotency.replay,lifecycle.rehearsal,api.smoke"};
    if (plan) args.push_back("--plan");
    auto r = run_golive(args, with(kEnv, production.proxy_env()));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 4);
    for (const auto* id : {"idempotency.replay", "lifecycle.rehearsal"}) {
      CHECK_THAT(r.err, Catch::Contains(std::string("refused: ") + id +
                                        " is a sandbox-write check and its base URL host "
                                        "api.bluumfinance.com (written api.bluumfinance.com.)"));
      CHECK_THAT(r.err, Catch::Contains("sandbox.yaml"));
    }
    require_clean(r);
  }
  CHECK(production.requests == 0);
}

TEST_CASE("safety: audit refuses a non-allowlisted upstream before starting the command",
          "[cli][safety]") {
  CountingServer api;
  Scratch s("allowlist-audit");
  const auto marker = s.path / "client-ran";
  struct Case {
    std::string kind, url, says;
  };
  for (const Case& c : std::vector<Case>{
           {"sandbox", "https://API.bluumfinance.com./v1", "is a known production host"},
           {"sandbox", "https://[2001:db8::1]/v1", "is an IP literal"},
           {"production", api.srv.url("/v1"), "production-kind"}}) {
    INFO(c.kind << " " << c.url);
    auto profile = s.write("audit.yaml", profile_text(c.kind, c.url));
    auto r = run_golive(
        {"audit", "--profile", profile, "--record", (s.path / "rec.jsonl").string(), "--", "sh",
         "-c", "touch '" + marker.string() + "'; curl -s -X POST \"$BLUUM_BASE_URL/x\""},
        with(kEnv, api.proxy_env()));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("refused: audit forwards the client's writes") &&
                          Catch::Contains(c.says));
    CHECK_THAT(last_line(r.err), Catch::Contains("REFUSED (exit 4)") &&
                                     Catch::Contains("the command was not started"));
    CHECK_FALSE(fs::exists(marker));
    require_clean(r);
  }
  CHECK(api.requests == 0);
}

TEST_CASE("safety: webhook deliveries (partner-endpoint) never go to a provider production host",
          "[cli][safety]") {
  CountingServer proxy;
  Scratch s("allowlist-webhook");
  auto profile = s.write(
      "sandbox.yaml",
      profile_text("sandbox", "https://sandbox.api.bluumfinance.com/v1",
                   "webhook: {url: 'https://API.bluumfinance.com./hooks/bluum', secret: {env: "
                   "GOLIVE_SAFETY_KEY}}\n"));
  auto send = run_golive({"webhook", "send", "--profile", profile}, with(kEnv, proxy.proxy_env()));
  INFO(send.out << send.err);
  CHECK(send.exit_code == 4);
  CHECK_THAT(send.err, Catch::Contains("partner-endpoint") &&
                           Catch::Contains("is a production target of the provider API"));
  auto check = run_golive({"check", "--profile", profile, "--only", "webhook.accepts-valid"},
                          with(kEnv, proxy.proxy_env()));
  INFO(check.out << check.err);
  CHECK(check.exit_code == 4);
  CHECK_THAT(check.err,
             Catch::Contains("refused: webhook.accepts-valid is a partner-endpoint check"));
  CHECK(proxy.requests == 0);
}

TEST_CASE("safety: the counting proxy does see a request that is allowed to go out",
          "[cli][safety]") {
  // The control for the tests above: their "0 requests" would also hold if the proxy saw nothing.
  CountingServer proxy;
  Scratch s("allowlist-control");
  auto profile =
      s.write("sandbox.yaml", profile_text("sandbox", "https://sandbox.api.bluumfinance.com/v1"));
  auto r = run_golive({"check", "--profile", profile, "--only", "api.smoke", "-q"},
                      with(kEnv, proxy.proxy_env()));
  INFO(r.out << r.err);
  CHECK(proxy.requests >= 1);
}
