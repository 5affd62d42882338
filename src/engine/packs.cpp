#include "engine/packs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "core/diagnostic.hpp"
#include "core/yaml_json.hpp"
#include "core/yaml_load.hpp"
#include "resources/resources.hpp"

namespace golive {

namespace {

struct Store {
  std::mutex mu;            ///< guards packs
  std::mutex checklist_mu;  ///< guards checklists
  std::map<std::string, std::unique_ptr<ProviderPack>> packs;
  std::map<std::string, std::unique_ptr<Checklist>> checklists;
};

Store& store() {
  static Store s;
  return s;
}

/// providers/NAME/FILE from --packs-dir or the built-in resources.
std::optional<resources::Resource> read(const std::string& name, const std::string& file) {
  return resources::get("providers/" + name + "/" + file);
}

/// The documents of `data`: its compiled tree when it is a built-in copy, else its YAML text
/// (bounded, core/yaml_load.hpp).
std::vector<YAML::Node> documents(const resources::Resource& data) {
  if (!data.tree.empty()) return yaml_documents_from_json(data.tree);
  return load_yaml_documents(std::string(data.text), data.origin);
}

std::vector<std::string> names() {
  std::vector<std::string> out;
  for (const auto& logical : resources::list("providers/")) {
    // providers/NAME/pack.yaml
    const auto rest = logical.substr(std::string("providers/").size());
    const auto slash = rest.find('/');
    if (slash != std::string::npos && rest.substr(slash + 1) == "pack.yaml") {
      out.push_back(rest.substr(0, slash));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

[[noreturn]] void unknown_pack(const std::string& name, const std::vector<std::string>& known) {
  std::string msg = "unknown provider '" + name + "'";
  if (auto s = did_you_mean(name, known); !s.empty()) msg += "; did you mean '" + s + "'?";
  msg += fmt::format(" (this bluum-golive carries: {})", fmt::join(known, ", "));
  throw ConfigError(SourceLoc{"provider", 0, 0}, msg);
}

}  // namespace

void set_packs_dir(const std::string& dir) {
  Store& s = store();
  std::scoped_lock lock(s.mu, s.checklist_mu);
  resources::set_packs_dir(dir);
  s.packs.clear();
  s.checklists.clear();
}

std::vector<std::string> pack_names() {
  return names();
}

const ProviderPack& provider_pack(const std::string& name) {
  Store& s = store();
  std::lock_guard lock(s.mu);
  if (auto it = s.packs.find(name); it != s.packs.end()) return *it->second;
  auto data = read(name, "pack.yaml");
  if (!data) unknown_pack(name, names());
  // A built-in pack's patterns and injected answers are proven by the tests (tests/resources).
  const PackChecks checks = data->tree.empty() ? PackChecks::full : PackChecks::shape;
  auto pack =
      std::make_unique<ProviderPack>(parse_provider(documents(*data), data->origin, checks));
  if (pack->name != name) {
    throw ConfigError(SourceLoc{data->origin, 1, 1},
                      "pack declares name '" + pack->name + "' but lives in folder '" + name + "'");
  }
  return *s.packs.emplace(name, std::move(pack)).first->second;
}

const Checklist& provider_checklist(const std::string& name) {
  const ProviderPack& pack = provider_pack(name);
  Store& s = store();
  std::lock_guard lock(s.checklist_mu);
  if (auto it = s.checklists.find(name); it != s.checklists.end()) return *it->second;
  auto data = read(name, "checklist.yaml");
  if (!data) {
    throw ConfigError(SourceLoc{pack.source, 0, 0}, "pack '" + name + "' has no checklist.yaml");
  }
  auto c = std::make_unique<Checklist>(parse_checklist(documents(*data), data->origin));
  return *s.checklists.emplace(name, std::move(c)).first->second;
}

std::optional<std::string> pack_file(const std::string& name, const std::string& file) {
  auto data = read(name, file);
  if (!data) return std::nullopt;
  return std::string(data->text);
}

std::optional<BuiltinProfile> builtin_profile(const std::string& env_name) {
  for (const auto& name : pack_names()) {
    const ProviderPack& pack = provider_pack(name);
    if (pack.demo_profile != env_name) continue;
    auto text = pack_file(name, "demo.yaml");
    if (!text) return std::nullopt;
    return BuiltinProfile{name, *text,
                          resources::builtin_origin("providers/" + name + "/demo.yaml")};
  }
  return std::nullopt;
}

std::string pack_versions() {
  std::vector<std::string> parts;
  for (const auto& name : pack_names()) {
    auto data = read(name, "pack.yaml");
    if (data && !data->tree.empty()) {
      // A built-in pack (proven by the tests): its version without building its tree.
      const auto docs = nlohmann::ordered_json::parse(data->tree);
      if (!docs.empty() && docs.front().is_object()) {
        parts.push_back(name + " " + docs.front().value("pack_version", std::string()));
        continue;
      }
    }
    parts.push_back(name + " " + provider_pack(name).pack_version);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace golive
