#pragma once
// Shared scaffolding for engine tests: a target, a provider, and services with a null network.
#include <sstream>

#include "engine/runner.hpp"

namespace golive::testing {

/// An HttpClient that must never be called (engine tests send nothing).
class NoNetwork final : public net::HttpClient {
 public:
  net::Exchange send(const net::Request&) override {
    ++calls;
    return net::Exchange{net::TransportError{net::TransportErrorKind::policy, "no network"}, {}};
  }
  int calls = 0;
};

inline profile::Profile make_profile(EnvKind kind, std::string base_url) {
  profile::Profile p;
  p.path = kind == EnvKind::production ? "/tmp/production.yaml" : "/tmp/sandbox.yaml";
  p.name = kind == EnvKind::production ? "production" : "sandbox";
  p.environment = p.name;
  p.kind = kind;
  p.base_url = std::move(base_url);
  return p;
}

inline ProviderPack bluum_like() {
  ProviderPack p;
  p.name = "bluum";
  p.display_name = "Bluum Finance";
  p.hosts[EnvKind::sandbox] = {{"sandbox.api.bluumfinance.com"}, {"test-service.bluumfinance.com"}};
  p.hosts[EnvKind::production] = {{"api.bluumfinance.com"}, {"service.bluumfinance.com"}};
  p.path_prefix = "/v1";
  p.required_credentials = {"api_key", "api_secret"};
  return p;
}

struct Services {
  ProviderPack provider = bluum_like();
  NoNetwork http;
  std::ostringstream log_text;
  Logger log{log_text, 2};
  RunServices services{provider, http, SystemClock::instance(), log, "run-test", "", {}, {},
                       nullptr,  ""};
};

}  // namespace golive::testing
