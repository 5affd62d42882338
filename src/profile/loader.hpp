#pragma once
/// Reading a profile file into a validated Profile (SPEC §4.1). Validation happens before any
/// I/O other than reading the file, and every problem is reported at once.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "profile/profile.hpp"

namespace YAML {
class Node;
}

namespace golive::profile {

/// The largest profile file read (a full profile is a few KiB).
inline constexpr std::size_t k_max_profile_bytes = 1024 * 1024;

/// What the loader validates names against.
struct LoadOptions {
  std::vector<std::string> known_check_ids;        ///< ids accepted under checks: and waivers:
  std::vector<std::string> known_attestation_ids;  ///< ids accepted under attestations:
  /// When set, supplies the ids accepted under attestations: instead of known_attestation_ids,
  /// called only for a profile that has that section (so the checklist that names them need not
  /// be read before a profile without attestations).
  std::function<std::vector<std::string>()> attestation_ids;
  std::vector<std::string> known_providers{"bluum"};
};

/// A profile as far as it could be read, and every problem found (none when it is valid).
struct LoadResult {
  Profile profile;  ///< holds each part that was valid; meaningless as a whole unless ok()
  std::vector<Diagnostic> diagnostics;  ///< in file order
  bool ok() const { return diagnostics.empty(); }
};

/// Like parse_profile, but returns the problems instead of throwing. For `validate`, which adds
/// the credentials that do not resolve (profile/credentials.hpp) to the same list.
LoadResult read_profile(const std::string& yaml_text, const std::string& path,
                        const LoadOptions& options);

/// read_profile for `yaml_text` already split by load_yaml_documents into `docs`: a caller that
/// looked at the documents first (engine/session.hpp: which pack) parses the text once.
LoadResult read_profile(const std::string& yaml_text, const std::vector<YAML::Node>& docs,
                        const std::string& path, const LoadOptions& options);

/// Like load_profile, but returns the problems (an unreadable file is one) instead of throwing.
/// Only a regular file of at most k_max_profile_bytes is read (core/file.hpp): a directory, FIFO
/// or device is "cannot read profile: it is a FIFO (named pipe), not a regular file".
LoadResult read_profile_file(const std::string& path, const LoadOptions& options);

/// Parses `yaml_text` (as read from `path`). Throws ConfigError carrying every Diagnostic
/// (FILE:LINE:COL: message, "did you mean" for unknown keys and ids, literal secrets refused).
/// YAML whose aliases expand past k_max_yaml_nodes nodes, or form a cycle, is one diagnostic at
/// the alias (core/yaml_load.hpp). Does not resolve credentials.
Profile parse_profile(const std::string& yaml_text, const std::string& path,
                      const LoadOptions& options);

/// Reads `path` and calls parse_profile. A missing or unreadable file is a ConfigError.
Profile load_profile(const std::string& path, const LoadOptions& options);

}  // namespace golive::profile
