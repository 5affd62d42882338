#include "providers/basiq/module.hpp"

#include <yaml-cpp/yaml.h>

#include "engine/context.hpp"
#include "engine/registry.hpp"
#include "providers/basiq/checks/auth/client-scope.hpp"
#include "providers/basiq/checks/auth/token.hpp"
#include "providers/basiq/checks/connectors/status.hpp"
#include "providers/basiq/checks/jobs/recent-failures.hpp"
#include "providers/basiq/checks/jobs/rehearsal.hpp"
#include "providers/basiq/emulator/emulator.hpp"

namespace golive::basiq {

namespace {

/// Basiq's own checks, one sorted line each.
void register_checks(Registry& registry) {
  registry.add<checks::AuthClientScope>();
  registry.add<checks::AuthToken>();
  registry.add<checks::ConnectorsStatus>();
  registry.add<checks::JobsRecentFailures>();
  registry.add<checks::JobsRehearsal>();
}

/// The user id jobs.recent-failures reads in `t`'s profile, or "".
std::string watched_user(const Target& t) {
  auto it = t.profile.checks.find("jobs.recent-failures");
  if (it == t.profile.checks.end() || !it->second.options.IsMap()) return "";
  const auto node = it->second.options["user_id"];
  return node && node.IsScalar() ? node.as<std::string>() : "";
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
    return emu_.created(key, kind);
  }
  void stop() override { emu_.stop(); }

  /// A partner whose setup is done: the run's webhook URL registered (active), and the user
  /// jobs.recent-failures watches owning a connection whose job succeeded. No HTTP is sent.
  void prepare_tenant(const Target& t) override {
    auto key = t.credentials.find("api_key");
    if (key == t.credentials.end() || !key->second.ok()) return;
    emu_.prepare(emulator::PartnerSetup{key->second.secret->reveal(), watched_user(t),
                                        t.profile.webhook ? t.webhook_url : ""});
  }

 private:
  emulator::Emulator emu_;
};

std::unique_ptr<EmbeddedEmulator> start(const EmulatorSettings& s) {
  emulator::Options o;
  o.host = s.host;
  o.port = s.port;
  o.faults = s.faults;
  if (!s.credentials.empty()) o.api_key = s.credentials;
  return std::make_unique<Embedded>(std::move(o));
}

}  // namespace

ProviderModule module() {
  return ProviderModule{"basiq", register_checks, emulator::known_faults, start};
}

}  // namespace golive::basiq
