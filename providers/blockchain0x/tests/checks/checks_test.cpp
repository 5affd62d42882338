// Blockchain0x's checks: the static key-mode and key-shape checks, and the payment idempotency
// proofs against the emulator (with the fault that makes each fail).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "check_fixture.hpp"
#include "crypto/webhook.hpp"
#include "net/curl_client.hpp"
#include "providers/blockchain0x/emulator/emulator.hpp"

using namespace golive;
using namespace golive::testing;
namespace fs = std::filesystem;

namespace {

/// Keys built at run time, so no key shape sits in this tracked file.
std::string key(const std::string& prefix) {
  return prefix + "GOLIVEcanary" + std::to_string(::getpid()) + "x0123456789";
}

Target b0x_target(EnvKind kind, const std::string& base_url, const std::string& api_key,
                  const std::string& path = "/tmp/p.yaml") {
  Target t = target(kind, base_url, path);
  t.profile.provider = "blockchain0x";
  t.profile.http = profile::HttpConfig{5, 1, 50, 500};
  t.credentials["api_key"] = resolved(api_key, "env BLOCKCHAIN0X_API_KEY");
  return t;
}

struct B0xHarness : Harness {
  B0xHarness() { pack = provider_pack("blockchain0x"); }
};

using Sibling = std::function<std::optional<Target>(const std::string&, std::string&)>;

/// Runs `id` against `t` through a real loopback client.
CheckResult run_live(const std::string& id, const Target& t, Sibling sibling = {}) {
  ProviderPack pack = provider_pack("blockchain0x");
  net::CurlClient http;
  std::ostringstream log_text;
  Logger log{log_text, 2};
  const auto* entry = builtin_registry().find(id, pack);
  REQUIRE(entry != nullptr);
  CheckOptions opts(id, YAML::Node(), SourceLoc{t.profile.path, 1, 1}, &pack);
  auto check = entry->make(opts);
  opts.finish();
  CheckContext ctx{t,
                   pack,
                   http,
                   SystemClock::instance(),
                   log,
                   "run-test",
                   std::chrono::steady_clock::now() + std::chrono::seconds(20),
                   "",
                   sibling,
                   &http,
                   ""};
  auto r = check->run(ctx);
  r.id = id;
  return r;
}

struct Emu {
  blockchain0x::emulator::Emulator emu;
  explicit Emu(std::set<std::string> faults = {}) : emu(options(std::move(faults))) { emu.start(); }
  static blockchain0x::emulator::Options options(std::set<std::string> faults) {
    blockchain0x::emulator::Options o;
    o.faults = std::move(faults);
    o.deliver_webhooks = false;
    return o;
  }
};

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("golive-b0x-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

/// Runs `body` with the current directory set to `dir` (outside any git repository).
template <class F>
void in_directory(const fs::path& dir, F body) {
  const auto before = fs::current_path();
  fs::current_path(dir);
  body();
  fs::current_path(before);
}

}  // namespace

TEST_CASE("credentials.key-mode: sk_live_ in production and sk_test_ in a sandbox pass",
          "[b0x][checks]") {
  B0xHarness h;
  CHECK(
      h.run("credentials.key-mode", b0x_target(EnvKind::production, "x", key("sk_live_"))).status ==
      Status::pass);
  CHECK(h.run("credentials.key-mode", b0x_target(EnvKind::sandbox, "x", key("sk_test_"))).status ==
        Status::pass);
}

TEST_CASE("credentials.key-mode: a test key in production fails with the seed's wording",
          "[b0x][checks]") {
  B0xHarness h;
  const auto k = key("sk_test_");
  auto r = h.run("credentials.key-mode", b0x_target(EnvKind::production, "x", k));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.fix, Catch::Contains("Replace the sk_test_* key with an sk_live_* key") &&
                        Catch::Contains("X-Network: mainnet"));
  CHECK_THAT(all_text(r), !Catch::Contains(k));
}

TEST_CASE("credentials.key-mode: a live key in a sandbox profile fails", "[b0x][checks]") {
  B0xHarness h;
  auto r = h.run("credentials.key-mode", b0x_target(EnvKind::sandbox, "x", key("sk_live_")));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("sk_live_* key in a sandbox profile"));
  CHECK_THAT(r.fix, Catch::Contains("X-Network: testnet"));
}

TEST_CASE("credentials.key-mode: a pasted key-list prefix is not a key", "[b0x][checks]") {
  B0xHarness h;
  auto r = h.run("credentials.key-mode", b0x_target(EnvKind::production, "x", "sk_liv"));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.fix, Catch::Contains("full sk_live_* secret"));
}

TEST_CASE("credentials.key-mode: Bluum's pack does not run it", "[b0x][checks]") {
  CHECK(builtin_registry().find("credentials.key-mode", provider_pack("bluum")) == nullptr);
}

TEST_CASE("credentials.not-in-files: a live key shape in a file fails with path:line only",
          "[b0x][checks]") {
  TempDir d;
  const auto leaked = key("sk_live_");
  std::ofstream(d.path / "config.js") << "// config\nconst k = '" << leaked << "';\n";
  B0xHarness h;
  in_directory(d.path, [&] {
    auto r =
        h.run("credentials.not-in-files", b0x_target(EnvKind::production, "x", key("sk_live_other"),
                                                     (d.path / "production.yaml").string()));
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(all_text(r), Catch::Contains("config.js:2 holds a sk_live_… key (production)"));
    CHECK_THAT(all_text(r), !Catch::Contains(leaked));
  });
}

TEST_CASE("credentials.not-in-files: only a test key shape in a file warns", "[b0x][checks]") {
  TempDir d;
  std::ofstream(d.path / "fixture.txt") << key("sk_test_") << "\n";
  B0xHarness h;
  in_directory(d.path, [&] {
    auto r =
        h.run("credentials.not-in-files", b0x_target(EnvKind::production, "x", key("sk_live_other"),
                                                     (d.path / "production.yaml").string()));
    CHECK(r.status == Status::warn);
    CHECK_THAT(r.summary, Catch::Contains("fixture.txt:1"));
  });
}

TEST_CASE("credentials.not-in-files: no key shape passes", "[b0x][checks]") {
  TempDir d;
  std::ofstream(d.path / "readme.txt") << "use sk_live_ keys from the vault\n";
  B0xHarness h;
  in_directory(d.path, [&] {
    auto r =
        h.run("credentials.not-in-files", b0x_target(EnvKind::production, "x", key("sk_live_other"),
                                                     (d.path / "production.yaml").string()));
    CHECK(r.status == Status::pass);
  });
}

TEST_CASE("b0x idempotency.replay passes against the emulator and pays once", "[b0x][checks]") {
  Emu e;
  const auto k = key("sk_test_");
  auto r = run_live("idempotency.replay", b0x_target(EnvKind::sandbox, e.emu.base_url(), k));
  INFO(all_text(r));
  REQUIRE(r.status == Status::pass);
  CHECK(e.emu.payment_count(k) == 1);
  CHECK_THAT(all_text(r), !Catch::Contains(k));
}

TEST_CASE("b0x idempotency.conflict passes: 409 idempotency.conflict, one payment",
          "[b0x][checks]") {
  Emu e;
  const auto k = key("sk_test_");
  auto r = run_live("idempotency.conflict", b0x_target(EnvKind::sandbox, e.emu.base_url(), k));
  INFO(all_text(r));
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("409 idempotency.conflict"));
  CHECK(e.emu.payment_count(k) == 1);
}

TEST_CASE("b0x idempotency proofs fail under fault no-idempotency", "[b0x][checks]") {
  for (const std::string id : {"idempotency.replay", "idempotency.conflict"}) {
    INFO(id);
    Emu e({"no-idempotency"});
    auto r = run_live(id, b0x_target(EnvKind::sandbox, e.emu.base_url(), key("sk_test_")));
    CHECK(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains("created for key"));
  }
}

TEST_CASE("b0x --plan: the proofs plan test-mode payments only", "[b0x][checks]") {
  ProviderPack pack = provider_pack("blockchain0x");
  const auto* entry = builtin_registry().find("idempotency.conflict", pack);
  REQUIRE(entry != nullptr);
  CHECK(entry->info.environments == std::vector<EnvKind>{EnvKind::sandbox});
  CheckOptions opts("idempotency.conflict", YAML::Node(), SourceLoc{"p", 1, 1}, &pack);
  auto check = entry->make(opts);
  opts.finish();
  auto planned = check->planned_requests(b0x_target(EnvKind::sandbox, "embedded", "k"));
  REQUIRE(planned.size() == 5);
  CHECK(planned[2].method == "POST");
  CHECK(planned[2].url == "{base}/payments");
  CHECK(planned[2].side_effect == SideEffect::sandbox_write);
}

TEST_CASE("webhook.rejects-wrong-secret: a live receiver accepting the test-mode secret fails",
          "[b0x][checks]") {
  Emu e;
  const std::string live_secret = "whsk_live_GOLIVEcanary";
  const std::string test_secret = "whsk_test_GOLIVEcanary";
  // A broken receiver: it verifies with either mode's secret.
  auto scheme = std::shared_ptr<webhook::Scheme>(webhook::make_scheme("blockchain0x"));
  e.emu.set_receiver_verifier([&, scheme](const emukit::HeaderList& h, const std::string& b) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const bool ok = scheme->verify(live_secret, h, b, now, 300).ok ||
                    scheme->verify(test_secret, h, b, now, 300).ok;
    return emukit::ReceiverVerdict{ok, ok ? "" : "bad signature"};
  });
  auto with_webhook = [&](EnvKind kind, const std::string& secret) {
    auto t = b0x_target(kind, e.emu.base_url(),
                        key(kind == EnvKind::production ? "sk_live_" : "sk_test_"));
    t.profile.webhook = profile::WebhookConfig{};
    t.profile.webhook->url = e.emu.receiver_url();
    t.profile.webhook->scheme = "blockchain0x";
    t.webhook_url = e.emu.receiver_url();
    t.webhook_secret = resolved(secret, "env WEBHOOK_SECRET");
    return t;
  };
  const auto prod = with_webhook(EnvKind::production, live_secret);
  Sibling sandbox = [&](const std::string&, std::string&) -> std::optional<Target> {
    return with_webhook(EnvKind::sandbox, test_secret);
  };
  auto r = run_live("webhook.rejects-wrong-secret", prod, sandbox);
  INFO(all_text(r));
  CHECK(r.status == Status::fail);
  CHECK_THAT(all_text(r), Catch::Contains("signed with the sandbox profile's webhook secret"));
  CHECK_THAT(all_text(r), !Catch::Contains(test_secret) && !Catch::Contains(live_secret));
  // Without a sandbox profile, a decoy of the same shape.
  auto alone = run_live("webhook.rejects-wrong-secret", prod);
  CHECK_THAT(all_text(alone), Catch::Contains("a different, well-formed secret"));
}
