#pragma once
/// Resolving credential sources (env | file | command) into Secrets.
#include <optional>
#include <string>

#include "core/secret.hpp"
#include "profile/profile.hpp"

namespace golive::profile {

/// The outcome of resolving one source: a Secret, or a printable reason it failed
/// ("environment variable BLUUM_API_KEY is not set"). The reason never contains the value.
struct Resolution {
  std::optional<Secret> secret;
  std::string error;
  bool ok() const { return secret.has_value(); }
};

/// Resolves `source`. `base_dir` anchors relative file paths (the profile's directory).
/// env: the variable's value as is. file: the contents with one trailing newline removed.
/// command: argv run without a shell (posix_spawnp), stdin closed, stdout captured (max 64 KiB)
/// with one trailing newline removed, stderr discarded from output; killed after timeout_s;
/// a non-zero exit is an error. The Secret is registered with the Redactor on creation.
Resolution resolve(const CredentialSource& source, const std::string& base_dir);

}  // namespace golive::profile
