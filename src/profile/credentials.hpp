#pragma once
/// Resolving credential sources (env | file | command) into Secrets.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
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
/// A source that yields an empty value (a set but empty variable, an empty file, a command that
/// prints nothing) resolves to an empty Secret, so `credentials.present` can say "empty".
/// Errors: "environment variable X is not set", "cannot read file /abs/path: <strerror>",
/// "command 'vault' timed out after 10 s", "command 'vault' exited with status 2",
/// "command 'vault' could not be started: No such file or directory". Secret::source() is
/// "env X", "file /abs/path" or "command vault".
Resolution resolve(const CredentialSource& source, const std::string& base_dir);

/// Resolves every source of `profile` (credentials and webhook.secret), relative to the profile's
/// directory, and returns one Diagnostic per failure at the source's key, e.g.
/// "p.yaml:6:3: credentials.api_key: environment variable BLUUM_API_KEY is not set".
/// For `validate`; `check` reports these through the credentials.present check instead.
std::vector<Diagnostic> unresolved_credentials(const Profile& profile);

}  // namespace golive::profile
