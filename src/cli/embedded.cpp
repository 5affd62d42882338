#include "cli/embedded.hpp"

#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "checks/webhook/scheme_config.hpp"
#include "crypto/webhook.hpp"
#include "emulator/emulator.hpp"
#include "net/curl_client.hpp"

namespace golive::cli {

namespace {

/// Emulators started for this process; they live until exit (checks may still use them).
std::vector<std::unique_ptr<emulator::Emulator>>& running() {
  static std::vector<std::unique_ptr<emulator::Emulator>> v;
  return v;
}
std::mutex& running_mu() {
  static std::mutex mu;
  return mu;
}

/// The reference receiver verifies with the profile's scheme and the run's webhook secret.
emulator::Verifier verifier_for(const Target& t) {
  if (!t.profile.webhook || !t.webhook_secret || !t.webhook_secret->ok()) return {};
  const auto& wh = *t.profile.webhook;
  std::shared_ptr<const webhook::Scheme> scheme;
  try {
    scheme = checks::wh::make_scheme_setup(wh).scheme;  // built-in or custom
  } catch (const std::invalid_argument& e) {
    // Fail closed: a receiver that cannot verify rejects everything, saying why.
    std::string why = std::string("receiver misconfigured: ") + e.what();
    return [why](const emulator::HeaderList&, const std::string&) {
      return emulator::ReceiverVerdict{false, why};
    };
  }
  std::string secret = t.webhook_secret->secret->reveal();
  int tolerance = wh.tolerance_s;
  return [scheme, secret, tolerance](const emulator::HeaderList& headers, const std::string& body) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto r = scheme->verify(secret, headers, body, now, tolerance);
    return emulator::ReceiverVerdict{r.ok, r.ok ? "" : r.code + ": " + r.reason};
  };
}

/// The demo simulates a partner whose setup is done (webhook.registration): the run's webhook URL
/// is registered with the run's credentials for order and transfer events, and the emulator signs
/// deliveries with the run's webhook secret and scheme, as if the partner had stored the secret
/// the create call returned. Best effort: a failure leaves the tenant without a registration,
/// which webhook.registration then reports.
void register_webhook(emulator::Emulator& emu, const Target& t) {
  const ProviderPack defaults;
  auto user = t.credentials.find(defaults.auth_user_credential);
  auto password = t.credentials.find(defaults.auth_password_credential);
  if (!t.profile.webhook || t.webhook_url.empty() || user == t.credentials.end() ||
      password == t.credentials.end() || !user->second.ok() || !password->second.ok()) {
    return;
  }
  if (t.webhook_secret && t.webhook_secret->ok()) {
    try {
      auto scheme = checks::wh::make_scheme_setup(*t.profile.webhook).scheme;
      std::string secret = t.webhook_secret->secret->reveal();
      emu.set_webhook_signer([scheme, secret](const std::string&, const std::string& id,
                                              std::int64_t timestamp, const std::string& body) {
        return scheme->sign(secret, webhook::SignInput{id, timestamp, body});
      });
    } catch (const std::invalid_argument&) {
      // Keep the default signer; the receiver's verifier reports the misconfiguration.
    }
  }
  net::Request req;
  req.method = "POST";
  req.url = emu.base_url() + "/webhooks";
  req.headers.set("Content-Type", "application/json");
  req.body = nlohmann::json{{"name", "demo receiver"},
                            {"url", t.webhook_url},
                            {"eventTypeNames", {"order.*", "transfer.*"}}}
                 .dump();
  req.auth = net::BasicAuth{*user->second.secret, *password->second.secret};
  req.timeout = std::chrono::seconds(5);
  net::CurlClient().send(req);
}

}  // namespace

EmbeddedStarter embedded_starter() {
  return [](Target& t) {
    emulator::Options opts;
    auto emu = std::make_unique<emulator::Emulator>(opts);
    emu->start();
    t.base_url = emu->base_url();
    if (t.profile.webhook && (t.webhook_url.empty() || t.webhook_url == "embedded")) {
      t.webhook_url = emu->receiver_url();
    }
    emu->set_receiver_verifier(verifier_for(t));
    register_webhook(*emu, t);
    std::lock_guard lock(running_mu());
    running().push_back(std::move(emu));
  };
}

}  // namespace golive::cli
