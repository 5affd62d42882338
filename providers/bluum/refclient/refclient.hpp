#pragma once
/// Bluum's reference client (README.md): a small, correct Bluum integration. `check` runs it
/// under `audit` when a profile has an `audit:` section (the demo), so every client.* grade is
/// shown; it doubles as the documentation of what a good integration does.
#include "engine/provider_module.hpp"

namespace golive::bluum::refclient {

/// Runs the reference flow against BLUUM_BASE_URL with BLUUM_API_KEY and BLUUM_API_SECRET (the
/// pack's env_vars). Returns 0 when the flow ran to its end (answers it expects to fail under
/// the audit's faults included), 1 when it could not create its investor, 2 when the
/// environment or the log file is missing.
int run(const ReferenceClientOptions& options);

}  // namespace golive::bluum::refclient
