/// The emulator's faults (each makes one check fail) and option validation.
#include <stdexcept>

#include "providers/basiq/emulator/internal.hpp"

namespace golive::basiq::emulator {

const std::vector<std::pair<std::string, std::string>>& known_faults() {
  static const std::vector<std::pair<std::string, std::string>> faults = {
      {"account-disabled", "POST /token answers 403 forbidden-access (a disabled account)"},
      {"bad-json", "list answers are cut in half (invalid JSON)"},
      {"connector-outage", "the sandbox banks' connectors are in major-outage / partial-outage"},
      {"drop-auth-check", "resources answer without a valid Bearer token"},
      {"jobs-failing", "the prepared user also owns a connection whose job failed"},
      {"key-deleted", "POST /token answers 404 resource-not-found (a bad or deleted key)"},
      {"no-envelope", "errors answer a bare text body instead of Basiq's error envelope"},
      {"receiver-accepts-anything", "the reference receiver accepts unsigned or forged deliveries"},
      {"receiver-slow", "the reference receiver answers after 31 s"},
      {"slow", "every API answer waits 1.5 s"},
      {"token-ip-limited", "POST /token answers 403 \"Invalid request\" (too many token requests)"},
      {"token-short-lived", "tokens are issued with expires_in 600 instead of 3600"},
      {"token-too-many-requests", "POST /token answers 429 too-many-requests"},
      {"webhook-disabled", "the prepared webhook is registered with status disabled"},
  };
  return faults;
}

namespace detail {

void validate_options(const Options& options) {
  for (const auto& f : options.faults) {
    bool known = false;
    for (const auto& [name, what] : known_faults()) known = known || name == f;
    if (!known) throw std::invalid_argument("unknown fault: " + f);
  }
  if (options.token_limit <= 0) throw std::invalid_argument("token_limit must be positive");
  if (options.token_window.count() <= 0) {
    throw std::invalid_argument("token_window must be positive");
  }
  if (options.token_lifetime_s <= 0) {
    throw std::invalid_argument("token_lifetime_s must be positive");
  }
  if (options.api_key && options.api_key->empty()) {
    throw std::invalid_argument("api_key must not be empty");
  }
}

}  // namespace detail

}  // namespace golive::basiq::emulator
