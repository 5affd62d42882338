#include "engine/provider.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "core/diagnostic.hpp"
#include "core/yaml_load.hpp"

namespace golive {

namespace {
bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence()) {
    for (const auto& i : n) out.push_back(i.as<std::string>());
  }
  return out;
}

EnvKind kind_from(const std::string& s, const std::string& file) {
  if (s == "sandbox") return EnvKind::sandbox;
  if (s == "production") return EnvKind::production;
  throw ConfigError(SourceLoc{file, 0, 0}, "unknown environment kind '" + s + "'");
}
}  // namespace

std::optional<EnvKind> ProviderPack::kind_of_host(const std::string& host) const {
  for (const auto& [kind, h] : hosts) {
    if (contains(h.current, host) || contains(h.legacy, host)) return kind;
  }
  return std::nullopt;
}

bool ProviderPack::is_legacy_host(const std::string& host) const {
  for (const auto& [kind, h] : hosts) {
    if (contains(h.legacy, host)) return true;
  }
  return false;
}

bool ProviderPack::is_production_host(const std::string& host) const {
  auto k = kind_of_host(host);
  return k && *k == EnvKind::production;
}

ProviderPack load_provider(const std::string& config_dir, const std::string& name) {
  std::string file = (std::filesystem::path(config_dir) / "providers" / (name + ".yaml")).string();
  if (!std::filesystem::exists(file)) {
    throw ConfigError(SourceLoc{file, 0, 0}, "provider pack '" + name + "' not found");
  }
  try {
    YAML::Node root = load_yaml_file(file, k_max_config_bytes, "provider pack");
    ProviderPack p;
    p.name = root["name"].as<std::string>();
    p.display_name = root["display_name"].as<std::string>(p.name);
    p.checklist = root["checklist"].as<std::string>(p.name);
    p.docs_url = root["docs_url"].as<std::string>("");
    YAML::Node auth = root["auth"];
    p.auth = auth["style"].as<std::string>("basic");
    p.auth_user_credential = auth["user"].as<std::string>("api_key");
    p.auth_password_credential = auth["password"].as<std::string>("api_secret");
    p.required_credentials = strings(root["required_credentials"]);
    if (root["env_vars"]) {
      for (const auto& kv : root["env_vars"]) {
        p.env_vars[kv.first.as<std::string>()] = kv.second.as<std::string>();
      }
    }
    for (const auto& kv : root["hosts"]) {
      EnvKind k = kind_from(kv.first.as<std::string>(), file);
      p.hosts[k] = ProviderHosts{strings(kv.second["current"]), strings(kv.second["legacy"])};
    }
    p.path_prefix = root["path_prefix"].as<std::string>("");
    if (root["rate_limit_per_s"]) {
      for (const auto& kv : root["rate_limit_per_s"]) {
        p.rate_limit_per_s[kind_from(kv.first.as<std::string>(), file)] = kv.second.as<int>();
      }
    }
    p.error_code_regex = root["error_code_regex"].as<std::string>("");
    return p;
  } catch (const YAML::Exception& e) {
    throw ConfigError(SourceLoc{file, e.mark.line + 1, e.mark.column + 1},
                      std::string("provider pack: ") + e.what());
  }
}

}  // namespace golive
