#include "providers/blockchain0x/module.hpp"

#include "engine/context.hpp"
#include "engine/registry.hpp"
#include "providers/blockchain0x/checks/idempotency/conflict.hpp"
#include "providers/blockchain0x/checks/idempotency/replay.hpp"
#include "providers/blockchain0x/emulator/emulator.hpp"

namespace golive::blockchain0x {

namespace {

/// Blockchain0x's own checks (its implementations of shared ids), one sorted line each.
void register_checks(Registry& registry) {
  registry.add<checks::PaymentConflict>();
  registry.add<checks::PaymentReplay>();
}

class Embedded final : public EmbeddedEmulator {
 public:
  explicit Embedded(emulator::Options options) : emu_(std::move(options)) { emu_.start(); }
  std::string base_url() const override { return emu_.base_url(); }
  std::string receiver_url() const override { return emu_.receiver_url(); }
  void set_receiver_verifier(emukit::Verifier v) override {
    emu_.set_receiver_verifier(std::move(v));
  }
  void set_webhook_signer(emukit::Signer s) override { emu_.set_webhook_signer(std::move(s)); }
  size_t request_count() const override { return emu_.request_count(); }
  size_t money_created(const std::string& key, const std::string& kind) const override {
    return kind == "payment" ? emu_.payment_count(key) : 0;
  }
  void stop() override { emu_.stop(); }

  /// A partner whose setup is done: the run's webhook URL is registered in the dashboard for
  /// every event, signed with the run's webhook secret (webhook.registration then passes).
  void prepare_tenant(const Target& t) override {
    auto key = t.credentials.find("api_key");
    if (!t.profile.webhook || t.webhook_url.empty() || key == t.credentials.end() ||
        !key->second.ok() || !t.webhook_secret || !t.webhook_secret->ok()) {
      return;
    }
    emu_.register_webhook(key->second.secret->reveal(), t.webhook_url, {"*"},
                          t.webhook_secret->secret->reveal());
  }

 private:
  emulator::Emulator emu_;
};

std::unique_ptr<EmbeddedEmulator> start(const EmulatorSettings& s) {
  emulator::Options o;
  o.host = s.host;
  o.port = s.port;
  o.faults = s.faults;
  if (s.rate_limit_per_s > 0) o.rate_limit_per_s = s.rate_limit_per_s;
  if (!s.credentials.empty()) o.api_key = s.credentials;
  return std::make_unique<Embedded>(std::move(o));
}

}  // namespace

ProviderModule module() {
  return ProviderModule{"blockchain0x", register_checks, emulator::known_faults, start};
}

}  // namespace golive::blockchain0x
