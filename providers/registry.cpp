// The one sorted list of provider modules. Adding a vendor: providers/README.md.
#include "engine/registry.hpp"
#include "providers/basiq/module.hpp"
#include "providers/blockchain0x/module.hpp"
#include "providers/bluum/module.hpp"

namespace golive {

const std::vector<ProviderModule>& provider_modules() {
  static const std::vector<ProviderModule> modules = {
      basiq::module(),
      blockchain0x::module(),
      bluum::module(),
  };
  return modules;
}

void register_builtin_checks(Registry& registry) {
  register_generic_checks(registry);
  for (const auto& m : provider_modules()) m.register_checks(registry);
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
