#pragma once
/// `base_url: embedded`: starts the emulator of the profile's provider in-process for the run.
#include "engine/session.hpp"

namespace golive::cli {

/// An EmbeddedStarter that starts one emulator per target on an ephemeral loopback port and
/// keeps it alive until process exit; `webhook.url: embedded` points at its reference receiver.
EmbeddedStarter embedded_starter();

}  // namespace golive::cli
