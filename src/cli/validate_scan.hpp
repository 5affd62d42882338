#pragma once
/// `validate` reports credentials that do not resolve as profile errors (SPEC §4.1).
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "profile/profile.hpp"

namespace golive::cli {

/// Diagnostics for every credential source of the profile at `path` that does not resolve.
/// With `loaded` (the profile parsed cleanly) every source is resolved for real; without it (the
/// profile has other errors) the raw YAML is walked and `env:` sources are checked, so one
/// `validate` run reports everything at once.
std::vector<Diagnostic> scan_credentials(const std::string& path, const profile::Profile* loaded);

}  // namespace golive::cli
