// Money and billing safety for Basiq, one host for both modes: writes (users, connections, jobs)
// only from a sandbox-kind profile whose key is told apart from the production profile's; a
// production run never creates a user; token exchanges pass the write guard, writes do not.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <atomic>

#include "cli/cli_support.hpp"
#include "engine/safety.hpp"
#include "net/test_server.hpp"
#include "net/write_guard.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;
using namespace golive::testing::bq;

namespace {

const std::string kLive = "bGl2ZS1pZDpsaXZlLXNlY3JldA==";

profile::CredentialSource env_source(const std::string& var) {
  profile::CredentialSource s;
  s.env_var = var;
  return s;
}

}  // namespace

TEST_CASE("basiq safety: a sandbox key with the production key's fingerprint may not write",
          "[basiq][safety]") {
  const auto pack = provider_pack("basiq");
  const auto prod = basiq_target("https://au-api.basiq.io", EnvKind::production, kLive);
  const auto same = basiq_target("https://au-api.basiq.io", EnvKind::sandbox, kLive);
  const auto why = shared_host_key_refusal(pack, same, {&prod, &same});
  REQUIRE(why);
  CHECK_THAT(*why,
             Catch::Contains("is the production profile's") && Catch::Contains("au-api.basiq.io"));
  CHECK(why->find(kLive) == std::string::npos);
  const auto other = basiq_target("https://au-api.basiq.io", EnvKind::sandbox, kKey);
  CHECK_FALSE(shared_host_key_refusal(pack, other, {&prod, &other}));
}

TEST_CASE("basiq safety: with no production profile to compare with, a write is refused",
          "[basiq][safety]") {
  const auto pack = provider_pack("basiq");
  const auto sandbox = basiq_target("https://au-api.basiq.io", EnvKind::sandbox);
  const auto why = shared_host_key_refusal(pack, sandbox, {&sandbox});
  REQUIRE(why);
  CHECK_THAT(*why, Catch::Contains("no production-kind profile"));
}

TEST_CASE("basiq safety: before resolution, the same credential source is the same key",
          "[basiq][safety]") {
  const auto pack = provider_pack("basiq");
  Target prod = target(EnvKind::production, "https://au-api.basiq.io");
  Target sandbox = target(EnvKind::sandbox, "https://au-api.basiq.io");
  prod.profile.credentials["api_key"] = env_source("BASIQ_API_KEY");
  sandbox.profile.credentials["api_key"] = env_source("BASIQ_API_KEY");
  CHECK(shared_host_key_refusal(pack, sandbox, {&prod, &sandbox}));
  sandbox.profile.credentials["api_key"] = env_source("BASIQ_SANDBOX_API_KEY");
  CHECK_FALSE(shared_host_key_refusal(pack, sandbox, {&prod, &sandbox}));
}

TEST_CASE("basiq safety: the rule leaves loopback emulators and other packs alone",
          "[basiq][safety]") {
  const auto sandbox = basiq_target("http://127.0.0.1:9", EnvKind::sandbox);
  CHECK_FALSE(shared_host_key_refusal(provider_pack("basiq"), sandbox, {&sandbox}));
  const auto bluum = target(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
  CHECK_FALSE(shared_host_key_refusal(provider_pack("bluum"), bluum, {&bluum}));
}

TEST_CASE("basiq safety: the write guard lets the token exchange through and refuses writes",
          "[basiq][safety]") {
  const auto pack = provider_pack("basiq");
  const auto prod = basiq_target("https://au-api.basiq.io", EnvKind::production, kLive);
  net::WriteGuard guard(production_targets(pack, {&prod}));
  // The host serves both modes: the guard tells a production write by the credential it carries.
  net::Request token;
  token.method = "POST";
  token.url = "https://au-api.basiq.io/token";
  token.headers.set("Authorization", std::string("Basic ") + kLive);
  CHECK_FALSE(guard.vet(token));
  net::Request user = token;
  user.url = "https://au-api.basiq.io/users";
  CHECK(guard.vet(user));
  user.url = "https://au-api.basiq.io/token?x=1";
  CHECK(guard.vet(user));
  net::Request get = token;
  get.method = "DELETE";
  get.url = "https://au-api.basiq.io/users/u1";
  CHECK(guard.vet(get));
  net::Request sandbox_write = get;  // another application's key on the same host
  sandbox_write.headers.set("Authorization", "Basic c2FuZGJveC1hcHAta2V5");
  CHECK_FALSE(guard.vet(sandbox_write));
}

namespace {

/// A local server answering 200 to anything and counting what it was sent.
struct CountingServer {
  TestServer<> http;
  std::atomic<int> requests{0};
  CountingServer() {
    auto any = [this](const httplib::Request&, httplib::Response& res) {
      ++requests;
      res.set_content("{}", "application/json");
    };
    http.server().Get(".*", any);
    http.server().Post(".*", any);
    http.server().Delete(".*", any);
    http.start();
  }
};

}  // namespace

TEST_CASE("basiq safety: a production run never creates a user: exit 4, nothing sent",
          "[basiq][safety][cli]") {
  CountingServer server;
  Scratch s("basiq-prod");
  const std::string profile =
      s.write("config/profiles/production.yaml",
              "version: 1\nprovider: basiq\nenvironment: production\nbase_url: http://127.0.0.1:" +
                  std::to_string(server.http.port()) +
                  "\ncredentials:\n  api_key: {env: GOLIVE_T_BASIQ_KEY}\n");
  for (bool plan : {true, false}) {
    INFO((plan ? "--plan" : "run"));
    std::vector<std::string> args = {"check", "--profile", profile, "--only", "jobs.rehearsal"};
    if (plan) args.push_back("--plan");
    auto r = run_golive_in(s.path.string(), args, {{"GOLIVE_T_BASIQ_KEY", kLive}});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("jobs.rehearsal") && Catch::Contains("production-kind"));
  }
  CHECK(server.requests.load() == 0);
}

TEST_CASE("basiq safety: a rehearsal profile holding the production key is refused at planning",
          "[basiq][safety][cli]") {
  Scratch s("basiq-same-key");
  s.write("config/profiles/production.yaml",
          "version: 1\nprovider: basiq\nenvironment: production\nbase_url: "
          "https://au-api.basiq.io\ncredentials:\n  api_key: {env: GOLIVE_T_BASIQ_KEY}\n"
          "rehearsal: sandbox\n");
  s.write("config/profiles/sandbox.yaml",
          "version: 1\nprovider: basiq\nenvironment: sandbox\nbase_url: "
          "https://au-api.basiq.io\ncredentials:\n  api_key: {env: GOLIVE_T_BASIQ_KEY}\n");
  auto r = run_golive_in(s.path.string(),
                         {"check", "--env", "production", "--only", "jobs.rehearsal", "--plan"},
                         {{"GOLIVE_T_BASIQ_KEY", kLive}});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("is the production profile's"));
}
