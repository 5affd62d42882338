// SPEC §10: no secret in any output. Plants canary values and searches everything printed.
#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "providers/bluum/emulator/emulator.hpp"

using namespace golive::testing;

namespace {
const std::string kKey = "CANARYKEY-7f3a9c1e5b";
const std::string kSecret = "CANARYSECRET-2d8e4f6a0c";
const std::string kWebhook = "whsec_Q0FOQVJZV0VCSE9PSy0xMjM0NTY3ODkw";

void require_clean(const std::string& where, const std::string& text) {
  INFO(where);
  for (const auto& canary : {kKey, kSecret, kWebhook, std::string("CANARYWEBHOOK")}) {
    REQUIRE_THAT(text, !Catch::Contains(canary));
  }
}
}  // namespace

TEST_CASE("canary: no secret in text, JSON, -v, errors or validate output", "[cli][secrets]") {
  // Everything the run talks to is on 127.0.0.1: the emulator's API and its reference receiver.
  golive::bluum::emulator::Options o;
  o.deliver_webhooks = false;
  golive::bluum::emulator::Emulator emu(o);
  emu.start();
  // The partner's receiver runs on its own port: a production target's own authority is never
  // a partner endpoint (SPEC §5).
  golive::bluum::emulator::Emulator hooks(o);
  hooks.start();
  Scratch s("canary");
  // The secret also sits in a file next to the profile, so not-in-files reports evidence about it.
  s.write("leak.txt", "api_key=" + kKey + "\n");
  auto profile = s.write("production.yaml", R"(version: 1
provider: bluum
environment: production
base_url: )" + emu.base_url() + R"(
credentials:
  api_key: {env: GOLIVE_CANARY_KEY}
  api_secret: {env: GOLIVE_CANARY_SECRET}
  extra: {file: missing-secret.txt}
webhook:
  url: )" + hooks.receiver_url() + R"(
  secret: {env: GOLIVE_CANARY_WEBHOOK}
)");
  Env env{{"GOLIVE_CANARY_KEY", kKey},
          {"GOLIVE_CANARY_SECRET", kSecret},
          {"GOLIVE_CANARY_WEBHOOK", kWebhook}};
  auto json = (s.path / "r.json").string();
  auto r = run_golive({"check", "--profile", profile, "-v", "--format", "text", "--format", "json",
                       "--output", "-", "--output", json},
                      env);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  CHECK(emu.request_count() > 0);  // the API checks did run and trace their requests
  REQUIRE_THAT(r.out, Catch::Contains("credentials.not-in-files") && Catch::Contains("leak.txt:1"));
  require_clean("stdout", r.out);
  require_clean("stderr", r.err);
  require_clean("json file", s.read("r.json"));

  auto v = run_golive({"validate", "--profile", profile}, env);
  REQUIRE(v.exit_code == 2);  // extra: file missing
  require_clean("validate stdout", v.out);
  require_clean("validate stderr", v.err);
}

TEST_CASE("canary: a literal secret in a profile is refused without echoing it", "[cli][secrets]") {
  Scratch s("literal");
  auto profile = s.write("p.yaml",
                         "version: 1\nprovider: bluum\nenvironment: sandbox\n"
                         "base_url: http://127.0.0.1:9/v1\n"
                         "credentials:\n  api_key: " +
                             kKey + "\n  api_secret: {env: X_UNSET}\n");
  auto r = run_golive({"validate", "--profile", profile});
  REQUIRE(r.exit_code == 2);
  REQUIRE_THAT(r.err, Catch::Contains("literal"));
  require_clean("stderr", r.err);
  auto c = run_golive({"check", "--profile", profile});
  REQUIRE(c.exit_code == 2);
  require_clean("check stderr", c.err);
}
