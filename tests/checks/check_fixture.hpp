#pragma once
// Builds a CheckContext around a Target for check unit tests.
#include <sstream>

#include "engine/check.hpp"
#include "engine/provider.hpp"
#include "engine/registry.hpp"

namespace golive::testing {

class NoNetwork final : public net::HttpClient {
 public:
  net::Exchange send(const net::Request&) override {
    return net::Exchange{net::TransportError{net::TransportErrorKind::policy, "no network"}, {}};
  }
};

inline ProviderPack provider() {
  return load_provider("bluum");
}

inline profile::Resolution resolved(const std::string& value, const std::string& source) {
  return profile::Resolution{Secret(value, source), ""};
}

inline profile::Resolution unresolved(const std::string& why) {
  return profile::Resolution{std::nullopt, why};
}

/// Runs check `id` (built with empty options) against `target`.
struct Harness {
  ProviderPack pack = provider();
  NoNetwork http;
  std::ostringstream log_text;
  Logger log{log_text, 2};
  std::function<std::optional<Target>(const std::string&, std::string&)> sibling;
  std::string audit_file;

  CheckResult run(const std::string& id, const Target& target, YAML::Node options = {}) {
    const auto* entry = builtin_registry().find(id);
    CheckOptions opts(id, options, SourceLoc{target.profile.path, 1, 1});
    auto check = entry->make(opts);
    opts.finish();
    CheckContext ctx{target,
                     pack,
                     http,
                     SystemClock::instance(),
                     log,
                     "run-test",
                     std::chrono::steady_clock::now() + std::chrono::seconds(10),
                     "",
                     sibling,
                     &http,
                     audit_file};
    auto r = check->run(ctx);
    r.id = id;
    return r;
  }
};

inline Target target(EnvKind kind, const std::string& base_url,
                     const std::string& path = "/tmp/p.yaml") {
  Target t;
  t.profile.path = path;
  t.profile.kind = kind;
  t.profile.environment = kind == EnvKind::production ? "production" : "sandbox";
  t.profile.base_url = base_url;
  t.base_url = base_url;
  return t;
}

/// Every evidence and summary string of a result, joined (for "never prints X" asserts).
inline std::string all_text(const CheckResult& r) {
  std::string s = r.summary + "\n" + r.fix + "\n";
  for (const auto& e : r.evidence) s += e.label + e.expected + e.observed + e.url + "\n";
  return s;
}

}  // namespace golive::testing
