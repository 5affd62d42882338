// `init`: writes an annotated profile to config/profiles/NAME.yaml.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli.hpp"
#include "core/diagnostic.hpp"
#include "core/exit_codes.hpp"
#include "engine/packs.hpp"

namespace golive::cli {

namespace {

namespace fs = std::filesystem;

/// ./config, or the first config/ with profiles/ from here upward.
fs::path target_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  std::error_code ec;
  for (fs::path d = fs::current_path(ec); !d.empty(); d = d.parent_path()) {
    if (fs::is_directory(d / "config" / "profiles")) return d / "config";
    if (d == d.parent_path()) break;
  }
  return fs::current_path(ec) / "config";
}

/// The annotated profile text for `env` of `kind`, from the template of `provider`'s pack
/// (providers/NAME/profile.template). Throws ConfigError for an unknown provider or a template
/// that does not format.
std::string profile_text(const std::string& provider, const std::string& env,
                         const std::string& kind) {
  const bool prod = kind == "production";
  const bool named_kind = env == "sandbox" || env == "production";
  const ProviderPack& pack = provider_pack(provider);
  const auto tmpl = pack_file(provider, "profile.template");
  if (!tmpl) {
    throw ConfigError(SourceLoc{"init", 0, 0}, "provider " + provider + " has no profile template");
  }
  const auto hosts = pack.hosts_of(prod ? EnvKind::production : EnvKind::sandbox);
  const std::string base = hosts.empty() ? "https://api.example.com" : "https://" + hosts.front();
  std::string prefix = provider + "_";
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) {
    return static_cast<char>(std::isalnum(c) ? std::toupper(c) : '_');
  });
  try {
    return fmt::format(
        fmt::runtime(*tmpl), fmt::arg("name", env), fmt::arg("environment", env),
        fmt::arg("kind_line", named_kind ? "" : "kind: " + kind + "\n"),
        fmt::arg("base_url", base + pack.path_prefix),
        fmt::arg("prefix", prod ? prefix : prefix + "SANDBOX_"),
        fmt::arg("rehearsal",
                 prod ? "rehearsal: sandbox          # sandbox-write checks run there\n" : ""));
  } catch (const fmt::format_error& e) {
    throw ConfigError(SourceLoc{"init", 0, 0},
                      "the profile template of " + provider + " is malformed: " + e.what());
  }
}

bool write_file(const fs::path& file, const std::string& text) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::trunc);
  return out && (out << text);
}

}  // namespace

int run_init(const std::string& env, const std::string& kind_flag, const std::string& config_dir,
             bool force, const std::string& provider) {
  if (env.empty() || env.find_first_of("/\\. ") != std::string::npos) {
    return usage_error({"init: --env must be a plain name such as 'production' or 'staging'"});
  }
  std::string kind = kind_flag;
  if (kind.empty())
    kind = env == "production" || env == "prod" || env == "live" ? "production" : "sandbox";
  fs::path dir = target_dir(config_dir) / "profiles";
  fs::path file = dir / (env + ".yaml");
  if (fs::exists(file) && !force) {
    return usage_error({fmt::format("init: {} exists; pass --force to overwrite", file.string())});
  }
  std::string text, rehearsal_text;
  try {
    text = profile_text(provider, env, kind);
    rehearsal_text = profile_text(provider, "sandbox", "sandbox");
  } catch (const ConfigError& e) {
    return usage_error({std::string("init: ") + e.what()});
  }
  if (!write_file(file, text)) {
    return usage_error({fmt::format("init: cannot write {}", file.string())});
  }
  std::cout << fmt::format("wrote {} ({} profile)\n", file.string(), kind);
  // A production profile names `rehearsal: sandbox`; without that profile nothing would load.
  fs::path rehearsal = dir / "sandbox.yaml";
  if (kind == "production" && !fs::exists(rehearsal)) {
    if (!write_file(rehearsal, rehearsal_text)) {
      return usage_error({fmt::format("init: cannot write {}", rehearsal.string())});
    }
    std::cout << fmt::format(
        "wrote {} (its rehearsal profile: sandbox-write checks run there, never in production)\n",
        rehearsal.string());
  }
  std::cout << fmt::format("next: bluum-golive validate --env {}\n", env);
  return exit_code::ready;
}

}  // namespace golive::cli
