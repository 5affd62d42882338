// The one sorted list of built-in checks. Adding a check: see checks/README.md.
#include "checks/base-url/sanity.hpp"
#include "checks/credentials/distinct-environments.hpp"
#include "checks/credentials/not-in-files.hpp"
#include "checks/credentials/present.hpp"
#include "engine/registry.hpp"

namespace golive {

void register_builtin_checks(Registry& registry) {
  registry.add<checks::BaseUrlSanity>();
  registry.add<checks::CredentialsDistinctEnvironments>();
  registry.add<checks::CredentialsNotInFiles>();
  registry.add<checks::CredentialsPresent>();
}

const Registry& builtin_registry() {
  static const Registry r = [] {
    Registry reg;
    register_builtin_checks(reg);
    return reg;
  }();
  return r;
}

}  // namespace golive
