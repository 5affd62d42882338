// The Blockchain0x pack through the real binary: list, init and --plan plan no Bluum check, the
// demo is READY offline, each emulator fault makes the right check fail, and the money interlock
// refuses a live key or a production profile with exit 4 before anything is sent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "crypto/webhook.hpp"
#include "net/counting_server.hpp"
#include "providers/blockchain0x/emulator/emulator.hpp"

using namespace golive::testing;
using nlohmann::json;

namespace {

/// Keys built at run time (no key shape in this tracked file); never printed by a run.
const std::string kTestKey = std::string("sk_test_") + "CLIcanaryTEST0123456789";
const std::string kLiveKey = std::string("sk_live_") + "CLIcanaryLIVE0123456789";
const std::string kWebhookSecret = "whsk_test_CLIcanaryWEBHOOK42";

std::string b0x_profile(const std::string& kind, const std::string& base_url,
                        const std::string& webhook_url = "") {
  std::string text = "version: 1\nprovider: blockchain0x\nenvironment: " + kind +
                     "\nbase_url: " + base_url +
                     "\ncredentials:\n  api_key: {env: GOLIVE_B0X_KEY}\n"
                     "http: {timeout_s: 5, max_attempts: 2, backoff_base_ms: 50, "
                     "backoff_cap_ms: 200}\n";
  if (!webhook_url.empty()) {
    text += "webhook: {url: " + webhook_url +
            ", secret: {env: GOLIVE_B0X_WEBHOOK_SECRET}, scheme: blockchain0x, tolerance_s: 300, "
            "response_budget_s: 5}\n";
  }
  return text;
}

Env env_with(const std::string& key) {
  return Env{{"GOLIVE_B0X_KEY", key}, {"GOLIVE_B0X_WEBHOOK_SECRET", kWebhookSecret}};
}

void require_clean(const ProcessResult& r) {
  for (const auto& canary : {kTestKey, kLiveKey, kWebhookSecret}) {
    REQUIRE_THAT(r.out, !Catch::Contains(canary));
    REQUIRE_THAT(r.err, !Catch::Contains(canary));
  }
}

/// status by check id of a JSON report.
std::map<std::string, std::string> statuses(const ProcessResult& r) {
  std::map<std::string, std::string> out;
  const json report = json::parse(r.out);
  for (const auto& c : report["checks"]) {
    out[c["id"].get<std::string>()] = c["status"].get<std::string>();
  }
  return out;
}

/// A sandbox emulator with `faults`, the run's webhook registered and its receiver verifying
/// the blockchain0x scheme with the run's secret (what a correct partner does).
struct Emu {
  golive::blockchain0x::emulator::Emulator emu;
  explicit Emu(std::set<std::string> faults) : emu(options(std::move(faults))) {
    emu.start();
    emu.register_webhook(kTestKey, emu.receiver_url(), {"*"}, kWebhookSecret);
    auto scheme =
        std::shared_ptr<golive::webhook::Scheme>(golive::webhook::make_scheme("blockchain0x"));
    emu.set_receiver_verifier([scheme](const golive::emukit::HeaderList& h, const std::string& b) {
      const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      auto v = scheme->verify(kWebhookSecret, h, b, now, 300);
      return golive::emukit::ReceiverVerdict{v.ok, v.reason};
    });
  }
  static golive::blockchain0x::emulator::Options options(std::set<std::string> faults) {
    golive::blockchain0x::emulator::Options o;
    o.faults = std::move(faults);
    o.deliver_webhooks = false;
    return o;
  }
};

}  // namespace

TEST_CASE("b0x cli: list --provider blockchain0x shows its checks and no Bluum one", "[b0x][cli]") {
  auto r = run_golive({"list", "--provider", "blockchain0x"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("credentials.key-mode") &&
                        Catch::Contains("idempotency.replay") && Catch::Contains("blockchain0x"));
  CHECK_THAT(r.out, !Catch::Contains("lifecycle.rehearsal") &&
                        !Catch::Contains("idempotency.withdrawals") &&
                        !Catch::Contains("api.livemode"));
}

TEST_CASE("b0x cli: init writes Bearer/X-Network profiles that load and plan no Bluum check",
          "[b0x][cli]") {
  Scratch s("b0x-init");
  const auto dir = (s.path / "config").string();
  for (const std::string name : {"sandbox", "production"}) {
    auto r = run_golive({"init", "--provider", "blockchain0x", "--env", name, "--config-dir", dir});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
  std::ifstream in(s.path / "config" / "profiles" / "production.yaml");
  std::stringstream text;
  text << in.rdbuf();
  CHECK_THAT(text.str(), Catch::Contains("provider: blockchain0x") &&
                             Catch::Contains("scheme: blockchain0x") &&
                             Catch::Contains("BLOCKCHAIN0X_API_KEY"));
  auto plan = run_golive({"check", "--env", "production", "--config-dir", dir, "--plan"});
  INFO(plan.out << plan.err);
  REQUIRE(plan.exit_code == 0);
  CHECK_THAT(plan.out, Catch::Contains("credentials.key-mode") && Catch::Contains("/payments") &&
                           !Catch::Contains("/investors") &&
                           !Catch::Contains("lifecycle.rehearsal"));
}

TEST_CASE("b0x cli: check --env blockchain0x-demo runs offline and is READY", "[b0x][cli]") {
  auto r = run_golive({"check", "--env", "blockchain0x-demo", "--format", "json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto s = statuses(r);
  for (const auto& id :
       {"credentials.key-mode", "api.smoke", "api.error-model", "webhook.registration",
        "webhook.rejects-wrong-secret", "idempotency.replay", "idempotency.conflict"}) {
    INFO(id);
    CHECK(s.at(id) == "pass");
  }
  for (const auto& [id, status] : s) {
    INFO(id);
    CHECK(status != "fail");
  }
}

TEST_CASE("b0x cli: each emulator fault fails the check it stands for", "[b0x][cli]") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"network-mismatch", {"api.smoke"}},
      {"network-locked", {"api.smoke"}},
      {"key-revoked", {"api.smoke"}},
      {"key-expired", {"api.smoke"}},
      {"bad-json", {"api.smoke"}},
      {"drop-auth-check", {"api.error-model"}},
      {"no-idempotency", {"idempotency.replay", "idempotency.conflict"}},
      {"webhooks-empty", {"webhook.registration"}},
      {"receiver-accepts-anything", {"webhook.rejects-tampered", "webhook.rejects-wrong-secret"}},
  };
  Scratch s("b0x-faults");
  for (const auto& [fault, failing] : cases) {
    INFO(fault);
    Emu e({fault});
    auto profile =
        s.write("sandbox.yaml", b0x_profile("sandbox", e.emu.base_url(), e.emu.receiver_url()));
    auto r = run_golive({"check", "--profile", profile, "--format", "json"}, env_with(kTestKey));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 1);
    const auto st = statuses(r);
    for (const auto& id : failing) {
      INFO(id);
      CHECK(st.at(id) == "fail");
    }
    require_clean(r);
  }
}

TEST_CASE("b0x cli: the API's key and network errors fail api.smoke saying what to do",
          "[b0x][cli]") {
  Scratch s("b0x-codes");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"network-mismatch", "replace the sk_test_ key with an sk_live_ key"},
      {"network-locked", "unlock the workspace for mainnet"},
      {"key-revoked", "mint a fresh sk_live_ key"},
  };
  for (const auto& [fault, fix] : cases) {
    INFO(fault);
    Emu e({fault});
    auto profile = s.write("sandbox.yaml", b0x_profile("sandbox", e.emu.base_url()));
    auto r = run_golive({"check", "--profile", profile, "--only", "api.smoke", "--format", "json"},
                        env_with(kTestKey));
    INFO(r.out << r.err);
    const auto check = json::parse(r.out)["checks"][0];
    CHECK(check["status"] == "fail");
    CHECK_THAT(check["fix"].get<std::string>(), Catch::Contains(fix));
  }
}

TEST_CASE("b0x cli: a live key in a sandbox profile exits 4 before sending, whatever the host",
          "[b0x][cli][safety]") {
  CountingServer counting;
  Scratch s("b0x-safety");
  auto profile = s.write("sandbox.yaml", b0x_profile("sandbox", counting.srv.url("/v1")));
  auto r = run_golive({"check", "--profile", profile}, env_with(kLiveKey));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("refused: idempotency.replay is a sandbox-write check") &&
                        Catch::Contains("a live-mode key (sk_live_…)"));
  CHECK_THAT(last_line(r.err), Catch::Contains("REFUSED (exit 4)"));
  require_clean(r);
  // The real host too: the refusal comes before any connection.
  auto real = s.write("real.yaml", b0x_profile("sandbox", "https://api.blockchain0x.com/v1"));
  auto via = run_golive({"check", "--profile", real}, [&] {
    auto e = env_with(kLiveKey);
    for (const auto& [k, v] : counting.proxy_env()) e[k] = v;
    return e;
  }());
  INFO(via.out << via.err);
  CHECK(via.exit_code == 4);
  CHECK(counting.requests == 0);
}

TEST_CASE("b0x cli: a production profile asking for a payment proof exits 4, sends nothing",
          "[b0x][cli][safety]") {
  CountingServer counting;
  Scratch s("b0x-safety-prod");
  auto profile = s.write("production.yaml", b0x_profile("production", counting.srv.url("/v1")));
  for (const auto& key : {kTestKey, kLiveKey}) {
    auto r =
        run_golive({"check", "--profile", profile, "--only", "idempotency.replay"}, env_with(key));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("production-kind"));
    require_clean(r);
  }
  CHECK(counting.requests == 0);
}
