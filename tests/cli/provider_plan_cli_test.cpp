// Issue 12 acceptance through the real binary: the engine names no vendor. A pack that is only
// data (a --packs-dir "acme" with no module) plans the generic checks and none of Bluum's, and a
// profile naming a provider the tool does not carry exits 2 naming the packs it does carry.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli_support.hpp"

using namespace golive::testing;
namespace fs = std::filesystem;

namespace {

/// A --packs-dir holding one data-only pack, "acme": Bluum's pack data under other host names.
std::string packs_with_acme(const Scratch& s) {
  std::ifstream in(fs::path(GOLIVE_SOURCE_DIR) / "providers" / "bluum" / "pack.yaml");
  std::string pack((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto replace = [&pack](const std::string& from, const std::string& to) {
    const auto at = pack.find(from);
    REQUIRE(at != std::string::npos);
    pack.replace(at, from.size(), to);
  };
  replace("name: bluum", "name: acme");
  replace("display_name: Bluum Finance", "display_name: Acme Pay");
  const auto hosts = pack.find("hosts:");
  const auto prefix = pack.find("path_prefix:");
  REQUIRE((hosts != std::string::npos && prefix != std::string::npos));
  pack.replace(hosts, prefix - hosts,
               "hosts:\n"
               "  - {host: sandbox.acme.example, modes: [sandbox]}\n"
               "  - {host: api.acme.example, modes: [production]}\n");
  const auto demo = pack.find("demo_profile:");
  if (demo != std::string::npos) pack.erase(demo, pack.find('\n', demo) - demo);
  s.write("packs/providers/acme/pack.yaml", pack);
  s.write("packs/providers/acme/checklist.yaml", R"(version: 1
provider: acme
title: Acme go-live checklist
source: https://acme.example/go-live
sections:
  - id: api
    title: API
    items:
      - id: api.works
        text: The API answers
        checks: [api.smoke]
)");
  return (s.path / "packs").string();
}

std::string profile(const std::string& provider, const std::string& environment,
                    const std::string& base_url) {
  return "version: 1\nprovider: " + provider + "\nenvironment: " + environment +
         "\nbase_url: " + base_url +
         "\ncredentials:\n  api_key: {env: ACME_KEY}\n  api_secret: {env: ACME_SECRET}\n";
}

}  // namespace

TEST_CASE("providers: a profile of another provider plans none of Bluum's checks",
          "[cli][providers]") {
  Scratch s("provider-plan");
  const auto packs = packs_with_acme(s);
  for (const auto& env : {std::string("production"), std::string("sandbox")}) {
    const auto host = env == "production" ? "api" : "sandbox";
    const auto p = s.write(
        env + ".yaml", profile("acme", env, std::string("https://") + host + ".acme.example/v1"));
    auto r = run_golive({"--packs-dir", packs, "check", "--profile", p, "--plan"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("api.smoke [read-only]") &&
                          Catch::Contains(".acme.example/v1/assets"));
    CHECK_THAT(r.out, Catch::Contains("credentials.present"));
    // Bluum's own checks (providers/bluum/checks) are never planned for another provider.
    for (const auto* bluum_only : {"api.livemode", "idempotency.withdrawals",
                                   "idempotency.concurrent", "lifecycle.rehearsal"}) {
      CHECK_THAT(r.out, !Catch::Contains(bluum_only));
    }
    CHECK_THAT(r.out, !Catch::Contains("bluumfinance"));
  }
}

TEST_CASE("providers: list and explain follow the profile's provider", "[cli][providers]") {
  Scratch s("provider-list");
  const auto packs = packs_with_acme(s);
  auto acme = run_golive({"--packs-dir", packs, "list", "--provider", "acme"});
  INFO(acme.out << acme.err);
  REQUIRE(acme.exit_code == 0);
  CHECK_THAT(acme.out, Catch::Contains("api.smoke"));
  CHECK_THAT(acme.out, !Catch::Contains("lifecycle.rehearsal"));
  auto bluum = run_golive({"list", "--provider", "bluum"});
  REQUIRE(bluum.exit_code == 0);
  CHECK_THAT(bluum.out, Catch::Contains("lifecycle.rehearsal"));
}

TEST_CASE("providers: an unknown provider exits 2 naming the packs the tool carries",
          "[cli][providers]") {
  Scratch s("provider-unknown");
  const auto p = s.write("p.yaml", profile("nosuch", "sandbox", "https://x.example/v1"));
  for (const auto* command : {"validate", "check"}) {
    auto r = run_golive({command, "--profile", p});
    INFO(command << ": " << r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("unknown provider 'nosuch'") &&
                          Catch::Contains("known providers: basiq, blockchain0x, bluum"));
  }
}

TEST_CASE("providers: audit runs against every built-in pack's demo with its documented faults",
          "[cli][providers][audit]") {
  // Each pack documents the error codes the audit proxy may inject (errors.injected), so the
  // default schedule binds and the run grades the client instead of stopping with exit 2.
  for (const auto* env : {"demo", "blockchain0x-demo", "basiq-demo"}) {
    auto r = run_golive({"audit", "--env", env, "--timeout", "20", "-q", "--", "/bin/true"});
    INFO(env << ": " << r.out << r.err);
    CHECK(r.exit_code == 3);  // a client that sends nothing proves nothing: inconclusive
    CHECK_THAT(r.err, !Catch::Contains("documents no"));
  }
}
