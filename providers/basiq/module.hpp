#pragma once
/// The Basiq provider module (SPEC §11): Basiq's own checks and its emulator. Pack data:
/// providers/basiq/pack.yaml, checklist.yaml, demo.yaml, profile.template.
#include "engine/provider_module.hpp"

namespace golive::basiq {

/// The module providers/registry.cpp lists.
ProviderModule module();

}  // namespace golive::basiq
