#pragma once
/// The Bluum provider module (SPEC §11): Bluum's own checks and its sandbox emulator. Pack
/// data: providers/bluum/pack.yaml, checklist.yaml, demo.yaml, init.yaml.
#include "engine/provider_module.hpp"

namespace golive::bluum {

/// The module providers/registry.cpp lists.
ProviderModule module();

}  // namespace golive::bluum
