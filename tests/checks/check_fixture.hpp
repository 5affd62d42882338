#pragma once
// Runs checks of the shipped Bluum pack with no network (tests/support/check_harness.hpp).
#include <sstream>

#include "support/check_harness.hpp"

namespace golive::testing {

inline ProviderPack provider() {
  return provider_pack("bluum");
}

/// Runs check `id` (built with `options`) against `target`, with a network that refuses sends.
struct Harness {
  ProviderPack pack = provider();
  NoNetwork http;
  std::ostringstream log_text;
  Logger log{log_text, 2};
  std::function<std::optional<Target>(const std::string&, std::string&)> sibling;
  std::string audit_file;

  CheckResult run(const std::string& id, const Target& target, YAML::Node options = {}) {
    return run_check(id, target,
                     {.pack = pack,
                      .http = http,
                      .log = log,
                      .deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10),
                      .load_sibling = sibling,
                      .audit_file = audit_file},
                     options);
  }
};

}  // namespace golive::testing
