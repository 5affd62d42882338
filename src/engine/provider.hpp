#pragma once
/// A provider pack (SPEC §1, §11): the vendor facts the engine must not hard-code — hosts per
/// environment, auth style, credential names, env var names, rate limits, error-code format.
/// Loaded from the resource providers/NAME.yaml (built in, or from `--packs-dir`).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace golive {

struct ProviderHosts {
  std::vector<std::string> current;  ///< documented hosts today
  std::vector<std::string> legacy;   ///< still-listed aliases (a warning)
};

struct ProviderPack {
  std::string name;          ///< "bluum"
  std::string version;       ///< the pack data's own version ("1.0.0"), named by --version
  std::string display_name;  ///< "Bluum Finance"
  std::string checklist;     ///< checklist name: the resource checklists/NAME.yaml
  std::string auth;          ///< "basic" (later: bearer, token-exchange)
  std::string auth_user_credential = "api_key";
  std::string auth_password_credential = "api_secret";
  std::vector<std::string> required_credentials;
  std::map<std::string, std::string> env_vars;  ///< role → variable, e.g. base_url → BLUUM_BASE_URL
  std::map<EnvKind, ProviderHosts> hosts;
  std::string path_prefix = "/v1";
  std::map<EnvKind, int> rate_limit_per_s;
  std::string error_code_regex;  ///< e.g. ^BLUM-(\d{3})-(\d{3})$
  std::string docs_url;

  /// The environment kind whose current or legacy list holds `host`, if any. Every host
  /// comparison of the pack is on the canonical spelling (net::canonical_host: lower case, no
  /// trailing dot, IDNA to ASCII), so "API.bluumfinance.com." is the production host.
  std::optional<EnvKind> kind_of_host(const std::string& host) const;
  bool is_legacy_host(const std::string& host) const;
  bool is_production_host(const std::string& host) const;
  bool is_sandbox_host(const std::string& host) const;
  /// Current then legacy hosts of `kind`, canonical spelling (for messages and the guard).
  std::vector<std::string> hosts_of(EnvKind kind) const;
};

/// Where provider packs are among the resources: providers/NAME.yaml.
inline constexpr std::string_view kProvidersPrefix = "providers/";

/// Names of the provider packs available (built in, or under `--packs-dir`), sorted.
std::vector<std::string> provider_names();

/// Reads the provider pack NAME (resources::get("providers/NAME.yaml")); throws ConfigError
/// located in the file it came from when it is missing or malformed.
ProviderPack load_provider(const std::string& name);

}  // namespace golive
