#include "engine/session.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/file.hpp"
#include "core/yaml_load.hpp"
#include "crypto/digest.hpp"
#include "crypto/random.hpp"
#include "engine/packs.hpp"
#include "net/http.hpp"

namespace golive {

namespace fs = std::filesystem;

std::string find_config_dir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    if (!fs::is_directory(explicit_dir)) {
      throw ConfigError(SourceLoc{"--config-dir", 0, 0},
                        "'" + explicit_dir + "' is not a directory");
    }
    return explicit_dir;
  }
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "config" / "profiles", ec)) return (dir / "config").string();
    if (dir == dir.parent_path()) break;
  }
  return "";
}

std::string profile_path_for(const std::string& config_dir, const std::string& env_name) {
  fs::path p = fs::path(config_dir) / "profiles" / (env_name + ".yaml");
  if (fs::exists(p)) return p.string();
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(config_dir) / "profiles", ec)) {
    if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  std::string msg = "no profile named '" + env_name + "' (looked for " + p.string() + ")";
  if (auto s = did_you_mean(env_name, names); !s.empty()) msg += "; did you mean '" + s + "'?";
  if (!names.empty()) msg += fmt::format(" — available: {}", fmt::join(names, ", "));
  msg += "; `bluum-golive init --env " + env_name + "` writes a new one";
  throw ConfigError(SourceLoc{"--env", 0, 0}, msg);
}

profile::LoadOptions load_options(const Registry& registry, const ProviderPack& pack) {
  profile::LoadOptions lo;
  lo.known_check_ids = registry.ids_for(pack);
  lo.known_providers = pack_names();
  // Parsing the checklist is a large fixed cost: only a profile with attestations needs it now.
  const std::string name = pack.name;
  lo.attestation_ids = [name] { return provider_checklist(name).attestation_ids(); };
  return lo;
}

ProfileText read_profile_text(const std::string& env_name, const std::string& profile_file,
                              const std::string& config_dir_flag) {
  std::string path = profile_file;
  if (path.empty()) {
    const std::string dir = find_config_dir(config_dir_flag);
    const bool present =
        !dir.empty() && fs::exists(fs::path(dir) / "profiles" / (env_name + ".yaml"));
    if (!present) {
      if (auto builtin = builtin_profile(env_name)) return {builtin->text, builtin->source};
      if (dir.empty()) {
        throw ConfigError(SourceLoc{"--env", 0, 0},
                          "no profile named '" + env_name +
                              "': no config/profiles/ directory here or above (pass "
                              "--config-dir); `bluum-golive init --env " +
                              env_name + "` writes a new one");
      }
    }
    path = profile_path_for(dir, env_name);
  }
  // Only a regular file, and at most a cap: a FIFO or /dev/zero never hangs the run.
  FileText file = read_regular_file(path, k_max_config_bytes);
  if (!file.ok()) throw ConfigError(SourceLoc{path, 0, 0}, "cannot read profile: " + file.error);
  return {std::move(*file.text), path};
}

namespace {

/// The known provider the first document's `provider:` names, or the default pack.
std::string provider_named(const std::vector<YAML::Node>& docs) {
  const YAML::Node root = docs.empty() ? YAML::Node() : docs.front();
  if (root.IsMap() && root["provider"] && root["provider"].IsScalar()) {
    auto name = root["provider"].Scalar();
    const auto known = pack_names();
    if (std::find(known.begin(), known.end(), name) != known.end()) return name;
  }
  return "bluum";
}

}  // namespace

std::string peek_provider(const std::string& profile_text) {
  try {
    // Bounded like every YAML input (core/yaml_load.hpp); the full parse reports problems.
    return provider_named(load_yaml_documents(profile_text, "profile"));
  } catch (const YAML::Exception&) {
    // The full parse reports the YAML error with its location.
  } catch (const ConfigError&) {
    // Likewise: the full parse reports it.
  }
  return "bluum";
}

profile::Profile parse_profile_for(const ProfileText& p, const Registry& registry) {
  // Parsed once: the documents say which pack's options read them. A YAML error is the
  // ConfigError parse_profile would throw, at the same place.
  const auto docs = load_yaml_documents(p.text, p.path);
  const ProviderPack& pack = provider_pack(provider_named(docs));
  auto r = profile::read_profile(p.text, docs, p.path, load_options(registry, pack));
  if (!r.ok()) throw ConfigError(std::move(r.diagnostics));
  return std::move(r.profile);
}

LoadedRun load_run(const std::string& env_name, const std::string& profile_file,
                   const std::string& config_dir_flag, const Registry& registry) {
  LoadedRun run;
  run.config_dir = find_config_dir(config_dir_flag);
  run.profile =
      parse_profile_for(read_profile_text(env_name, profile_file, config_dir_flag), registry);
  run.provider = provider_pack(run.profile.provider);
  run.checklist = &provider_checklist(run.provider.name);
  if (run.profile.rehearsal) {
    const fs::path dir = fs::path(run.profile.path).parent_path();
    fs::path rp = dir / (*run.profile.rehearsal + ".yaml");
    std::optional<ProfileText> text;
    if (fs::exists(rp)) {
      text = read_profile_text("", rp.string(), config_dir_flag);
    } else if (auto builtin = builtin_profile(*run.profile.rehearsal)) {
      text = ProfileText{builtin->text, builtin->source};
    } else {
      throw ConfigError(
          run.profile.where("rehearsal"),
          "rehearsal profile '" + *run.profile.rehearsal + "' not found at " + rp.string());
    }
    run.rehearsal = parse_profile_for(*text, registry);
    if (run.rehearsal->kind != EnvKind::sandbox) {
      throw ConfigError(
          run.profile.where("rehearsal"),
          "rehearsal profile '" + *run.profile.rehearsal + "' must be a sandbox-kind profile");
    }
    if (run.rehearsal->provider != run.profile.provider) {
      throw ConfigError(run.profile.where("rehearsal"),
                        "rehearsal profile '" + *run.profile.rehearsal + "' is for provider " +
                            run.rehearsal->provider + ", not " + run.profile.provider);
    }
  }
  return run;
}

void resolve_target(Target& t, const ProviderPack& provider, const EmbeddedStarter& embedded) {
  const profile::Profile& profile = t.profile;
  t.base_url = profile.base_url;
  std::string base_dir = fs::path(profile.path).parent_path().string();
  for (const auto& [name, source] : profile.credentials) {
    t.credentials[name] = profile::resolve(source, base_dir);
  }
  if (profile.embedded() && profile.credentials.empty()) {
    // Throwaway credentials for the in-process emulator (SPEC §4.1).
    for (const auto& name : provider.credentials) {
      // A key-prefix pack's key carries the prefix of the profile's mode (sk_test_, sk_live_).
      std::string prefix = "demo_" + name + "_";
      if (provider.mode.from == ModeSource::key_prefix && name == provider.mode.credential) {
        auto it = provider.mode.prefixes.find(profile.kind);
        if (it != provider.mode.prefixes.end()) prefix = it->second + "demo_";
      }
      t.credentials[name].secret = Secret(prefix + crypto::random_hex(24), "generated");
    }
  }
  // A Basic key pair's token is a secret of its own: registered now, before any output (§10).
  if (provider.auth.strategy == AuthStrategy::basic) {
    auto user = t.credentials.find(provider.auth.user);
    auto password = t.credentials.find(provider.auth.password);
    if (user != t.credentials.end() && password != t.credentials.end() && user->second.ok() &&
        password->second.ok()) {
      register_basic_credentials(user->second.secret->reveal(), password->second.secret->reveal());
    }
  }
  if (profile.webhook) {
    t.webhook_url = profile.webhook->url;
    if (profile.webhook->secret) {
      t.webhook_secret = profile::resolve(*profile.webhook->secret, base_dir);
    } else if (profile.embedded()) {
      t.webhook_secret =
          profile::Resolution{Secret("whsec_" + crypto::random_hex(32), "generated"), ""};
    }
  }
  if (profile.embedded() && embedded) embedded(t);
}

std::string new_run_id() {
  auto tm = fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
  return fmt::format("{:%Y%m%dT%H%M%SZ}-{}", tm, crypto::os_random_hex(6));
}

std::string iso8601(std::chrono::system_clock::time_point t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(t)));
}

RunReport report_header(const LoadedRun& run, const Target& target, const std::string& run_id) {
  RunReport r;
  r.tool_version = GOLIVE_VERSION;
  r.run_id = run_id;
  r.profile_name = run.profile.name;
  r.profile_path = run.profile.path;
  r.profile_sha256 = run.profile.sha256;
  r.environment = run.profile.environment;
  r.kind = run.profile.kind;
  r.provider = run.provider.name;
  r.base_url = run.profile.embedded() ? "embedded (" + net::redact_url(target.base_url) + ")"
                                      : net::redact_url(target.base_url);
  r.checklist_title = run.checklist->title;
  r.checklist_source = run.checklist->source;
  return r;
}

}  // namespace golive
