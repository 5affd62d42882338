#pragma once
// Shared scaffolding for engine tests: a target, a provider, and services with a null network.
#include <sstream>

#include "engine/packs.hpp"
#include "engine/runner.hpp"
#include "support/check_harness.hpp"

namespace golive::testing {

inline profile::Profile make_profile(EnvKind kind, std::string base_url) {
  profile::Profile p;
  p.path = kind == EnvKind::production ? "/tmp/production.yaml" : "/tmp/sandbox.yaml";
  p.name = kind == EnvKind::production ? "production" : "sandbox";
  p.environment = p.name;
  p.kind = kind;
  p.base_url = std::move(base_url);
  return p;
}

/// The shipped Bluum pack (a copy tests may change).
inline ProviderPack bluum_like() {
  return provider_pack("bluum");
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
