#include "engine/provider.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/diagnostic.hpp"
#include "net/url.hpp"
#include "resources/resources.hpp"

namespace golive {

namespace {
/// True when `list` holds `host`, both compared in their canonical spelling (SPEC §5): a host
/// that is not a plain host name or address matches nothing.
bool contains(const std::vector<std::string>& list, const std::string& host) {
  const auto wanted = net::canonical_host(host);
  if (!wanted) return false;
  return std::any_of(list.begin(), list.end(), [&](const std::string& entry) {
    return net::canonical_host(entry) == wanted;
  });
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

bool ProviderPack::is_sandbox_host(const std::string& host) const {
  auto k = kind_of_host(host);
  return k && *k == EnvKind::sandbox;
}

std::vector<std::string> ProviderPack::hosts_of(EnvKind kind) const {
  std::vector<std::string> out;
  if (auto it = hosts.find(kind); it != hosts.end()) {
    for (const auto* list : {&it->second.current, &it->second.legacy}) {
      for (const auto& h : *list) out.push_back(net::canonical_host(h).value_or(h));
    }
  }
  return out;
}

std::vector<std::string> provider_names() {
  std::vector<std::string> out;
  for (const auto& n : resources::list(kProvidersPrefix)) {
    std::string_view stem(n);
    stem.remove_prefix(kProvidersPrefix.size());
    if (stem.ends_with(".yaml") && stem.find('/') == std::string_view::npos) {
      stem.remove_suffix(5);
      out.emplace_back(stem);
    }
  }
  return out;
}

ProviderPack load_provider(const std::string& name) {
  auto res = resources::get(std::string(kProvidersPrefix) + name + ".yaml");
  if (!res) {
    throw ConfigError(SourceLoc{"provider", 0, 0},
                      "provider pack '" + name + "' not found (known: " +
                          fmt::format("{}", fmt::join(provider_names(), ", ")) + ")");
  }
  const std::string& file = res->origin;
  try {
    YAML::Node root = YAML::Load(std::string(res->text));
    ProviderPack p;
    p.name = root["name"].as<std::string>();
    p.version = root["version"].as<std::string>("");
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
