#include "engine/session.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "crypto/digest.hpp"
#include "net/http.hpp"
#include "resources/resources.hpp"

namespace golive {

namespace fs = std::filesystem;

namespace {

/// The provider whose checklist names the attestation ids a profile may use before its own
/// `provider:` is known.
constexpr const char* kDefaultProvider = "bluum";

std::vector<std::string> profile_names(const std::string& config_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  if (config_dir.empty()) return names;
  for (const auto& e : fs::directory_iterator(fs::path(config_dir) / "profiles", ec)) {
    if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

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

ProfileSource profile_source(const std::string& config_dir, const std::string& env_name) {
  fs::path p =
      fs::path(config_dir.empty() ? "config" : config_dir) / "profiles" / (env_name + ".yaml");
  std::error_code ec;
  if (!config_dir.empty() && fs::exists(p, ec)) return ProfileSource{p.string(), std::nullopt};
  const std::string builtin_name = "profiles/" + env_name + ".yaml";
  if (env_name == "demo") {
    if (auto text = resources::builtin(builtin_name)) {
      return ProfileSource{resources::builtin_origin(builtin_name), text};
    }
  }
  auto names = profile_names(config_dir);
  std::string msg = "no profile named '" + env_name + "' (looked for " + p.string() + ")";
  if (config_dir.empty()) msg += ": no config/profiles/ directory here or above";
  if (auto s = did_you_mean(env_name, names); !s.empty()) msg += "; did you mean '" + s + "'?";
  if (!names.empty()) msg += fmt::format(" — available: {}", fmt::join(names, ", "));
  msg += "; `bluum-golive init --env " + env_name + "` writes a new one";
  throw ConfigError(SourceLoc{"--env", 0, 0}, msg);
}

profile::LoadResult read_profile_source(const ProfileSource& source,
                                        const profile::LoadOptions& options) {
  if (!source.text) return profile::read_profile_file(source.path, options);
  return profile::read_profile(std::string(*source.text), source.path, options);
}

PendingChecklist::PendingChecklist(const std::string& name) {
  const std::string resource = "checklists/" + name + ".yaml";
  auto found = resources::get(resource);
  if (found && found->origin == resources::builtin_origin(resource)) {
    parsed_ = std::async(std::launch::async, [name] { return load_checklist(name); }).share();
  } else {
    std::promise<Checklist> now;
    now.set_value(load_checklist(name));
    parsed_ = now.get_future().share();
  }
}

const Checklist& PendingChecklist::get() const {
  if (!parsed_.valid())
    throw std::logic_error("PendingChecklist::get before a checklist was named");
  return parsed_.get();
}

profile::LoadOptions load_options(const Registry& registry, const PendingChecklist* checklist) {
  profile::LoadOptions lo;
  lo.known_check_ids = registry.ids();
  if (auto providers = provider_names(); !providers.empty()) lo.known_providers = providers;
  if (checklist) {
    lo.attestation_ids = [checklist] { return checklist->get().attestation_ids(); };
  } else {
    auto provider = load_provider(kDefaultProvider);
    lo.known_attestation_ids = load_checklist(provider.checklist).attestation_ids();
  }
  return lo;
}

LoadedRun load_run(const std::string& env_name, const std::string& profile_file,
                   const std::string& config_dir_flag, const Registry& registry) {
  LoadedRun run;
  run.config_dir = find_config_dir(config_dir_flag);
  ProfileSource source = profile_file.empty() ? profile_source(run.config_dir, env_name)
                                              : ProfileSource{profile_file, std::nullopt};
  // Attestation ids come from the checklist of the provider; bluum is the default pack.
  run.provider = load_provider(kDefaultProvider);
  run.checklist = PendingChecklist(run.provider.checklist);
  profile::LoadOptions lo = load_options(registry, &run.checklist);
  profile::LoadResult loaded = read_profile_source(source, lo);
  if (!loaded.ok()) throw ConfigError(std::move(loaded.diagnostics));
  run.profile = std::move(loaded.profile);
  if (run.profile.provider != run.provider.name) {
    run.provider = load_provider(run.profile.provider);
    run.checklist = PendingChecklist(run.provider.checklist);
  }
  if (run.profile.rehearsal) {
    fs::path rp = fs::path(run.profile.path).parent_path() / (*run.profile.rehearsal + ".yaml");
    if (!fs::exists(rp)) {
      throw ConfigError(
          run.profile.where("rehearsal"),
          "rehearsal profile '" + *run.profile.rehearsal + "' not found at " + rp.string());
    }
    run.rehearsal = profile::load_profile(rp.string(), lo);
    if (run.rehearsal->kind != EnvKind::sandbox) {
      throw ConfigError(
          run.profile.where("rehearsal"),
          "rehearsal profile '" + *run.profile.rehearsal + "' must be a sandbox-kind profile");
    }
  }
  return run;
}

namespace {
std::string random_hex(size_t n) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string s;
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < n; ++i) s.push_back(kHex[rng() % 16]);
  return s;
}
}  // namespace

void resolve_target(Target& t, const ProviderPack& provider, const EmbeddedStarter& embedded) {
  const profile::Profile& profile = t.profile;
  t.base_url = profile.base_url;
  std::string base_dir = fs::path(profile.path).parent_path().string();
  for (const auto& [name, source] : profile.credentials) {
    t.credentials[name] = profile::resolve(source, base_dir);
  }
  if (profile.embedded() && profile.credentials.empty()) {
    // Throwaway credentials for the in-process emulator (SPEC §4.1).
    for (const auto& name : provider.required_credentials) {
      t.credentials[name].secret = Secret("demo_" + name + "_" + random_hex(16), "generated");
    }
  }
  // The pair's Basic token is a secret of its own: registered now, before any output (SPEC §10).
  auto user = t.credentials.find(provider.auth_user_credential);
  auto password = t.credentials.find(provider.auth_password_credential);
  if (user != t.credentials.end() && password != t.credentials.end() && user->second.ok() &&
      password->second.ok()) {
    register_basic_credentials(user->second.secret->reveal(), password->second.secret->reveal());
  }
  if (profile.webhook) {
    t.webhook_url = profile.webhook->url;
    if (profile.webhook->secret) {
      t.webhook_secret = profile::resolve(*profile.webhook->secret, base_dir);
    } else if (profile.embedded()) {
      t.webhook_secret = profile::Resolution{Secret("whsec_" + random_hex(32), "generated"), ""};
    }
  }
  if (profile.embedded() && embedded) embedded(t);
}

std::string new_run_id() {
  auto tm = fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
  return fmt::format("{:%Y%m%dT%H%M%SZ}-{}", tm, random_hex(6));
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
  r.checklist_title = run.checklist.get().title;
  r.checklist_source = run.checklist.get().source;
  return r;
}

}  // namespace golive
