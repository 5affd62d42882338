#pragma once
/// A provider pack (SPEC §1, §11): the vendor facts the engine must not hard-code — hosts per
/// environment, auth style, credential names, env var names, rate limits, error-code format.
/// Loaded from config/providers/NAME.yaml.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace golive {

struct ProviderHosts {
  std::vector<std::string> current;  ///< documented hosts today
  std::vector<std::string> legacy;   ///< still-listed aliases (a warning)
};

struct ProviderPack {
  std::string name;          ///< "bluum"
  std::string display_name;  ///< "Bluum Finance"
  std::string checklist;     ///< checklist file stem under config/checklists/
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

  /// The environment kind whose current or legacy list holds `host`, if any.
  std::optional<EnvKind> kind_of_host(const std::string& host) const;
  bool is_legacy_host(const std::string& host) const;
  bool is_production_host(const std::string& host) const;
};

/// Reads config/providers/NAME.yaml under `config_dir`; throws ConfigError (also
/// for a file that is not regular or is larger than k_max_config_bytes, core/yaml_load.hpp).
ProviderPack load_provider(const std::string& config_dir, const std::string& name);

}  // namespace golive
