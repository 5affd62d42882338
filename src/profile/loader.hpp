#pragma once
/// Reading a profile file into a validated Profile (SPEC §4.1). Validation happens before any
/// I/O other than reading the file, and every problem is reported at once.
#include <string>
#include <vector>

#include "profile/profile.hpp"

namespace golive::profile {

/// What the loader validates names against.
struct LoadOptions {
  std::vector<std::string> known_check_ids;        ///< ids accepted under checks: and waivers:
  std::vector<std::string> known_attestation_ids;  ///< ids accepted under attestations:
  std::vector<std::string> known_providers{"bluum"};
};

/// Parses `yaml_text` (as read from `path`). Throws ConfigError carrying every Diagnostic
/// (FILE:LINE:COL: message, "did you mean" for unknown keys and ids, literal secrets refused).
/// Does not resolve credentials.
Profile parse_profile(const std::string& yaml_text, const std::string& path,
                      const LoadOptions& options);

/// Reads `path` and calls parse_profile. A missing or unreadable file is a ConfigError.
Profile load_profile(const std::string& path, const LoadOptions& options);

}  // namespace golive::profile
