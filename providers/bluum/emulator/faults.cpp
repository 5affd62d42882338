/// The fault catalogue (`--fault NAME`) and option validation.
#include <stdexcept>

#include "providers/bluum/emulator/internal.hpp"

namespace golive::bluum::emulator {

const std::vector<std::pair<std::string, std::string>>& known_faults() {
  static const std::vector<std::pair<std::string, std::string>> k_faults = {
      {"5xx-burst", "the first burst_5xx (default 3) API requests of each tenant answer 503"},
      {"bad-json", "list endpoints (GET /v1/assets, ...) answer a truncated, non-JSON body"},
      {"drop-auth-check", "requests with missing or wrong credentials are accepted"},
      {"livemode-false", "resources carry livemode: false, like a test key wired into production"},
      {"no-idempotency", "Idempotency-Key is ignored: every POST creates a new resource"},
      {"rate-limit-tight", "the rate limit is 2 requests/s per key pair instead of 10"},
      {"receiver-accepts-anything", "the reference receiver skips signature verification"},
      {"receiver-slow", "the reference receiver answers after receiver_delay (default 31 s)"},
      {"slow", "every API response is delayed by slow_delay (default 1.5 s)"},
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
  if (options.credentials &&
      (options.credentials->first.empty() || options.credentials->second.empty())) {
    throw std::invalid_argument("credentials need a non-empty key and secret");
  }
}

}  // namespace detail
}  // namespace golive::bluum::emulator
