#include "cli/validate_scan.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>

#include "profile/credentials.hpp"

namespace golive::cli {

namespace {

void check_env_node(const std::string& path, const std::string& label, const YAML::Node& source,
                    std::vector<Diagnostic>& out) {
  if (!source || !source.IsMap() || !source["env"] || !source["env"].IsScalar()) return;
  auto var = source["env"].as<std::string>();
  if (std::getenv(var.c_str())) return;
  auto mark = source["env"].Mark();
  out.push_back({SourceLoc{path, mark.line + 1, mark.column + 1},
                 label + ": environment variable " + var + " is not set"});
}

std::vector<Diagnostic> scan_raw(const std::string& path) {
  std::vector<Diagnostic> out;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception&) {
    return out;  // the loader already reported the syntax error
  }
  if (!root.IsMap()) return out;
  if (auto creds = root["credentials"]; creds && creds.IsMap()) {
    for (const auto& kv : creds) {
      check_env_node(path, "credentials." + kv.first.as<std::string>(), kv.second, out);
    }
  }
  if (auto wh = root["webhook"]; wh && wh.IsMap()) check_env_node(path, "webhook.secret", wh["secret"], out);
  return out;
}

}  // namespace

std::vector<Diagnostic> scan_credentials(const std::string& path, const profile::Profile* loaded) {
  if (!loaded) return scan_raw(path);
  std::vector<Diagnostic> out;
  std::string base = std::filesystem::path(loaded->path).parent_path().string();
  auto check = [&](const std::string& label, const profile::CredentialSource& src) {
    auto res = profile::resolve(src, base);
    if (!res.ok()) out.push_back({src.loc, label + ": " + res.error});
  };
  for (const auto& [name, src] : loaded->credentials) check("credentials." + name, src);
  if (loaded->webhook && loaded->webhook->secret) check("webhook.secret", *loaded->webhook->secret);
  return out;
}

}  // namespace golive::cli
