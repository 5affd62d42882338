/// The public Emulator facade, the fault catalogue (`--fault NAME`) and option validation.
#include "providers/blockchain0x/emulator/emulator.hpp"

#include <stdexcept>

#include "providers/blockchain0x/emulator/server.hpp"

namespace golive::blockchain0x::emulator {

const std::vector<std::pair<std::string, std::string>>& known_faults() {
  static const std::vector<std::pair<std::string, std::string>> k_faults = {
      {"5xx-burst", "the first burst_5xx (default 3) API requests of each key answer 503"},
      {"bad-json", "list endpoints (GET /v1/webhooks, ...) answer a truncated, non-JSON body"},
      {"drop-auth-check", "requests without a valid Bearer key or X-Network are accepted"},
      {"key-expired", "every key answers 401 apikey.expired"},
      {"key-revoked", "every key answers 401 apikey.revoked"},
      {"network-locked",
       "every request answers 403 network_locked (workspace on the other network)"},
      {"network-mismatch", "every request answers 401 apikey.network_mismatch"},
      {"no-idempotency", "Idempotency-Key is ignored: every POST creates a new payment"},
      {"rate-limit-tight", "the rate limit is 2 requests/s per key instead of 25"},
      {"receiver-accepts-anything", "the reference receiver skips signature verification"},
      {"receiver-slow", "the reference receiver answers after receiver_delay (default 31 s)"},
      {"slow", "every API response is delayed by slow_delay (default 1.5 s)"},
      {"webhooks-empty", "GET /v1/webhooks lists no endpoint (none registered)"},
  };
  return k_faults;
}

namespace detail {

void validate_options(const Options& options) {
  emukit::validate_faults(options.faults, known_faults());
  if (options.rate_limit_per_s <= 0) {
    throw std::invalid_argument("rate_limit_per_s must be positive");
  }
  if (options.burst_5xx < 0) throw std::invalid_argument("burst_5xx must not be negative");
  if (options.api_key && !options.api_key->starts_with("sk_test_") &&
      !options.api_key->starts_with("sk_live_")) {
    throw std::invalid_argument("--credentials must be an sk_test_... or sk_live_... key");
  }
}

}  // namespace detail

class Emulator::Impl {
 public:
  explicit Impl(Options options) : server(std::move(options)) {}
  detail::Server server;
};

Emulator::Emulator(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Emulator::~Emulator() = default;

void Emulator::start() {
  impl_->server.start();
}

void Emulator::stop() {
  impl_->server.stop();
}

const Options& Emulator::options() const {
  return impl_->server.options();
}

int Emulator::port() const {
  return impl_->server.port();
}

std::string Emulator::base_url() const {
  return impl_->server.origin() + "/v1";
}

std::string Emulator::receiver_url() const {
  return impl_->server.origin() + "/receiver/webhooks";
}

void Emulator::set_receiver_verifier(Verifier verifier) {
  impl_->server.receiver().set_verifier(std::move(verifier));
}

void Emulator::set_webhook_signer(Signer signer) {
  impl_->server.dispatcher().set_signer(std::move(signer));
}

std::string Emulator::register_webhook(const std::string& api_key, const std::string& url,
                                       const std::vector<std::string>& events,
                                       const std::string& secret) {
  return impl_->server.register_webhook(api_key, url, events, secret);
}

size_t Emulator::request_count() const {
  return impl_->server.request_count();
}

size_t Emulator::payment_count(const std::string& api_key) const {
  return impl_->server.payment_count(api_key);
}

std::vector<ReceivedDelivery> Emulator::received_deliveries() const {
  return impl_->server.receiver().received();
}

std::vector<DeliveryAttempt> Emulator::delivery_attempts() const {
  return impl_->server.dispatcher().attempts();
}

bool Emulator::flush_deliveries(std::chrono::milliseconds timeout) {
  return impl_->server.dispatcher().flush(timeout);
}

}  // namespace golive::blockchain0x::emulator
