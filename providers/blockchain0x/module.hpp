#pragma once
/// The Blockchain0x provider module (SPEC §11): its own idempotency proofs and its emulator.
/// Pack data: providers/blockchain0x/pack.yaml, checklist.yaml, demo.yaml, profile.template.
#include "engine/provider_module.hpp"

namespace golive::blockchain0x {

/// The module providers/registry.cpp lists.
ProviderModule module();

}  // namespace golive::blockchain0x
