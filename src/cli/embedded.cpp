#include "cli/embedded.hpp"

#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "checks/webhook/scheme_config.hpp"
#include "crypto/webhook.hpp"
#include "engine/provider_module.hpp"

namespace golive::cli {

namespace {

/// Emulators started for this process; they live until exit (checks may still use them).
std::vector<std::unique_ptr<EmbeddedEmulator>>& running() {
  static std::vector<std::unique_ptr<EmbeddedEmulator>> v;
  return v;
}
std::mutex& running_mu() {
  static std::mutex mu;
  return mu;
}

/// The reference receiver verifies with the profile's scheme and the run's webhook secret.
emukit::Verifier verifier_for(const Target& t) {
  if (!t.profile.webhook || !t.webhook_secret || !t.webhook_secret->ok()) return {};
  const auto& wh = *t.profile.webhook;
  std::shared_ptr<const webhook::Scheme> scheme;
  try {
    scheme = checks::wh::make_scheme_setup(wh).scheme;  // built-in or custom
  } catch (const std::invalid_argument& e) {
    // Fail closed: a receiver that cannot verify rejects everything, saying why.
    std::string why = std::string("receiver misconfigured: ") + e.what();
    return [why](const emukit::HeaderList&, const std::string&) {
      return emukit::ReceiverVerdict{false, why};
    };
  }
  std::string secret = t.webhook_secret->secret->reveal();
  int tolerance = wh.tolerance_s;
  return [scheme, secret, tolerance](const emukit::HeaderList& headers, const std::string& body) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto r = scheme->verify(secret, headers, body, now, tolerance);
    return emukit::ReceiverVerdict{r.ok, r.ok ? "" : r.code + ": " + r.reason};
  };
}

/// Deliveries of the emulator are signed with the run's webhook secret and scheme, as if the
/// partner had stored the secret the provider gave it. A scheme that cannot be built keeps the
/// emulator's default signer; the receiver's verifier reports the misconfiguration.
void sign_with_run_secret(EmbeddedEmulator& emu, const Target& t) {
  if (!t.profile.webhook || !t.webhook_secret || !t.webhook_secret->ok()) return;
  try {
    auto scheme = checks::wh::make_scheme_setup(*t.profile.webhook).scheme;
    std::string secret = t.webhook_secret->secret->reveal();
    emu.set_webhook_signer([scheme, secret](const std::string&, const std::string& id,
                                            std::int64_t timestamp, const std::string& body) {
      return scheme->sign(secret, webhook::SignInput{id, timestamp, body});
    });
  } catch (const std::invalid_argument&) {
    // Keep the default signer.
  }
}

}  // namespace

EmbeddedStarter embedded_starter() {
  return [](Target& t) {
    const ProviderModule* module = find_module(t.profile.provider);
    if (module == nullptr) {
      throw std::runtime_error("provider " + t.profile.provider + " has no emulator");
    }
    auto emu = module->start_emulator(EmulatorSettings{});
    t.base_url = emu->base_url();
    if (t.profile.webhook && (t.webhook_url.empty() || t.webhook_url == "embedded")) {
      t.webhook_url = emu->receiver_url();
    }
    emu->set_receiver_verifier(verifier_for(t));
    sign_with_run_secret(*emu, t);
    emu->prepare_tenant(t);
    std::lock_guard lock(running_mu());
    running().push_back(std::move(emu));
  };
}

}  // namespace golive::cli
