/// The public Emulator facade, the fault catalogue (`--fault NAME`) and option validation.
#include "providers/blockchain0x/emulator/emulator.hpp"

#include <stdexcept>

#include "emukit/facade_impl.hpp"
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

Emulator::Emulator(Options options) : Facade(std::move(options), "/v1") {}

std::string Emulator::register_webhook(const std::string& api_key, const std::string& url,
                                       const std::vector<std::string>& events,
                                       const std::string& secret) {
  return server().register_webhook(api_key, url, events, secret);
}

size_t Emulator::payment_count(const std::string& api_key) const {
  return server().payment_count(api_key);
}

}  // namespace golive::blockchain0x::emulator

template class golive::emukit::Facade<golive::blockchain0x::emulator::detail::Server,
                                      golive::blockchain0x::emulator::Options>;
