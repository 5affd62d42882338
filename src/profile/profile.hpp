#pragma once
/// The environment profile (SPEC §4.1) as typed structs. Loading and validation live in
/// profile/loader.hpp; resolving credential sources into Secrets in profile/credentials.hpp.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/result.hpp"

namespace golive::profile {

/// Where a secret comes from. A literal value is never allowed (SPEC §4.1).
struct CredentialSource {
  enum class Kind { env, file, command };
  Kind kind = Kind::env;
  std::string env_var;            ///< kind == env
  std::string path;               ///< kind == file (relative paths: to the profile's directory)
  std::vector<std::string> argv;  ///< kind == command; run without a shell
  int timeout_s = 10;             ///< kind == command
  SourceLoc loc;

  /// Printable description, never the value: "env BLUUM_API_KEY", "file ./key", "command vault".
  /// A name, path or command that may be a pasted secret (shows_reference() false) is not
  /// repeated: "env (name not shown: it looks like a secret value, not a variable name)".
  std::string describe() const;
  /// The variable name, path or command name as written in the profile.
  const std::string& reference() const;
  /// Whether reference() may be printed: false when it looks like a secret value pasted where a
  /// name belongs (source_reference_showable()).
  bool shows_reference() const;
};

/// Whether `text`, written in a credential source where a variable name (`env`), a path
/// (`file`) or a command name (`command`) belongs, may appear in messages. False when it may be
/// a pasted secret: longer than 128 bytes; for `env` not a conventional upper-case name
/// ([A-Z_][A-Z0-9_]*); or holding a random-looking run of letters and digits — a run mixing
/// letters and digits or upper and lower case (other than one capital first) longer than 10, a
/// run of digits longer than 8, or a run of letters longer than 24. Such text is also
/// registered with the Redactor when the profile is loaded.
bool source_reference_showable(CredentialSource::Kind kind, std::string_view text);

/// Webhook receiver settings (SPEC §6).
struct WebhookConfig {
  std::string url;  ///< absolute http(s) URL, or "embedded" (the built-in reference receiver)
  std::optional<CredentialSource> secret;  ///< absent only when base_url is embedded
  std::string scheme = "standard";         ///< standard | stripe | blockchain0x | custom
  int tolerance_s = 300;
  int response_budget_s = 30;
  YAML::Node custom;  ///< scheme == custom: header names, template, encodings, tolerance mode
  SourceLoc loc;
};

/// HTTP client settings.
struct HttpConfig {
  int timeout_s = 10;
  int max_attempts = 4;
  int backoff_base_ms = 250;
  int backoff_cap_ms = 8000;
};

/// `audit:` — a client that `check` runs under `audit` (SPEC §7) and grades in the same report.
/// Only the provider's reference client, only against `base_url: embedded` (the demo).
struct AuditConfig {
  std::string client = "reference";  ///< the provider module's reference client
  std::string schedule = "default";  ///< a built-in fault schedule (docs/audit.md)
  int seed = 1;                      ///< seeds the schedule and the client's backoff jitter
  int timeout_s = 30;                ///< the client is stopped after this
  SourceLoc loc;
};

/// One `checks:` entry: per-check options, validated by the check's factory.
struct CheckConfig {
  std::string id;
  bool enabled = true;
  YAML::Node options;  ///< the whole mapping (including `enabled`); may be Null
  SourceLoc loc;
};

/// An attestation of a human item (SPEC §4.4).
struct Attestation {
  std::string id;
  std::string by;
  std::chrono::year_month_day on{};
  std::chrono::year_month_day expires{};
  std::string evidence;
  SourceLoc loc;
};

/// A waiver accepting a failing check for a time (SPEC §4.4).
struct Waiver {
  std::string check_id;
  std::string reason;
  std::string approver;
  std::string ticket;
  std::chrono::year_month_day expires{};
  SourceLoc loc;
};

/// A loaded, validated profile.
struct Profile {
  std::string path;    ///< file it was read from
  std::string name;    ///< file stem, e.g. "production"
  std::string sha256;  ///< SHA-256 of the file bytes
  int version = 1;
  std::string provider = "bluum";
  std::string environment;  ///< name as written, e.g. "staging"
  EnvKind kind = EnvKind::sandbox;
  std::string base_url;  ///< "embedded" or an absolute URL
  bool embedded() const { return base_url == "embedded"; }
  std::map<std::string, CredentialSource> credentials;  ///< e.g. api_key, api_secret
  std::optional<std::string> rehearsal;                 ///< profile name for sandbox checks
  std::optional<WebhookConfig> webhook;
  HttpConfig http;
  std::optional<AuditConfig> audit;
  std::map<std::string, CheckConfig> checks;
  std::vector<Attestation> attestations;
  std::vector<Waiver> waivers;
  /// Location of a key by dotted path ("base_url", "checks.api.smoke", "webhook.url");
  /// used by reports (SARIF, annotations) to point at the line that configures a check.
  std::map<std::string, SourceLoc> locations;

  /// Location of `key`; else of its closest enclosing key that was seen ("checks" for an
  /// unconfigured "checks.api.smoke"); else the top of the file (line 1, column 1).
  SourceLoc where(const std::string& key) const;
};

}  // namespace golive::profile
