#include "providers/bluum/module.hpp"

#include <nlohmann/json.hpp>

#include "engine/context.hpp"
#include "engine/registry.hpp"
#include "net/curl_client.hpp"
#include "providers/bluum/checks/api/livemode.hpp"
#include "providers/bluum/checks/idempotency/concurrent.hpp"
#include "providers/bluum/checks/idempotency/conflict.hpp"
#include "providers/bluum/checks/idempotency/replay.hpp"
#include "providers/bluum/checks/idempotency/withdrawals.hpp"
#include "providers/bluum/checks/lifecycle/rehearsal.hpp"
#include "providers/bluum/emulator/emulator.hpp"
#include "providers/bluum/refclient/refclient.hpp"

namespace golive::bluum {

namespace {

/// Bluum's own checks, one sorted line each.
void register_checks(Registry& registry) {
  registry.add<checks::ApiLivemode>();
  registry.add<checks::IdempotencyConcurrent>();
  registry.add<checks::IdempotencyConflict>();
  registry.add<checks::IdempotencyReplay>();
  registry.add<checks::IdempotencyWithdrawals>();
  registry.add<checks::LifecycleRehearsal>();
}

class Embedded final : public EmbeddedEmulator {
 public:
  explicit Embedded(bluum::emulator::Options options) : emu_(std::move(options)) { emu_.start(); }
  std::string base_url() const override { return emu_.base_url(); }
  std::string receiver_url() const override { return emu_.receiver_url(); }
  void set_receiver_verifier(emukit::Verifier v) override {
    emu_.set_receiver_verifier(std::move(v));
  }
  void set_webhook_signer(emukit::Signer s) override { emu_.set_webhook_signer(std::move(s)); }
  size_t request_count() const override { return emu_.request_count(); }
  size_t money_created(const std::string& key, const std::string& kind) const override {
    if (kind == "deposit") return emu_.deposit_count(key);
    if (kind == "withdrawal") return emu_.withdrawal_count(key);
    return 0;
  }
  void stop() override { emu_.stop(); }

  /// A partner whose setup is done: the run's webhook URL is registered with the run's
  /// credentials for order and transfer events (webhook.registration then passes). Best effort:
  /// a failure leaves the tenant without a registration, which webhook.registration reports.
  void prepare_tenant(const Target& t) override {
    auto user = t.credentials.find("api_key");
    auto password = t.credentials.find("api_secret");
    if (!t.profile.webhook || t.webhook_url.empty() || user == t.credentials.end() ||
        password == t.credentials.end() || !user->second.ok() || !password->second.ok()) {
      return;
    }
    net::Request req;
    req.method = "POST";
    req.url = emu_.base_url() + "/webhooks";
    req.headers.set("Content-Type", "application/json");
    req.body = nlohmann::json{{"name", "demo receiver"},
                              {"url", t.webhook_url},
                              {"eventTypeNames", {"order.*", "transfer.*"}}}
                   .dump();
    req.auth = net::BasicAuth{*user->second.secret, *password->second.secret};
    req.timeout = std::chrono::seconds(5);
    net::CurlClient().send(req);
  }

 private:
  bluum::emulator::Emulator emu_;
};

std::unique_ptr<EmbeddedEmulator> start(const EmulatorSettings& s) {
  bluum::emulator::Options o;
  o.host = s.host;
  o.port = s.port;
  o.faults = s.faults;
  if (s.rate_limit_per_s > 0) o.rate_limit_per_s = s.rate_limit_per_s;
  if (!s.credentials.empty()) {
    const auto colon = s.credentials.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == s.credentials.size()) {
      throw std::invalid_argument("--credentials must be KEY:SECRET");
    }
    o.credentials = {s.credentials.substr(0, colon), s.credentials.substr(colon + 1)};
  }
  return std::make_unique<Embedded>(std::move(o));
}

}  // namespace

ProviderModule module() {
  return ProviderModule{"bluum", register_checks, emulator::known_faults, start, refclient::run};
}

}  // namespace golive::bluum
