#include "engine/packs.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/diagnostic.hpp"
#include "resources/resources.hpp"

namespace golive {

namespace fs = std::filesystem;

namespace {

struct Store {
  std::mutex mu;
  std::string dir;  ///< --packs-dir; empty = built in
  std::map<std::string, std::unique_ptr<ProviderPack>> packs;
  std::map<std::string, std::unique_ptr<Checklist>> checklists;
};

Store& store() {
  static Store s;
  return s;
}

/// (text, source) of `name`/`file`, from --packs-dir or the built-in resources.
std::optional<std::pair<std::string, std::string>> read(const std::string& dir,
                                                        const std::string& name,
                                                        const std::string& file) {
  if (!dir.empty()) {
    const fs::path p = fs::path(dir) / name / file;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::make_pair(text.str(), p.string());
  }
  const std::string logical = "providers/" + name + "/" + file;
  auto text = resources::get(logical);
  if (!text) return std::nullopt;
  return std::make_pair(std::string(*text), "builtin:" + logical);
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  if (!dir.empty()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (fs::is_regular_file(e.path() / "pack.yaml", ec)) out.push_back(e.path().filename());
    }
  } else {
    for (const auto& logical : resources::list("providers/")) {
      // providers/NAME/pack.yaml
      const auto rest = logical.substr(std::string("providers/").size());
      const auto slash = rest.find('/');
      if (slash != std::string::npos && rest.substr(slash + 1) == "pack.yaml") {
        out.push_back(rest.substr(0, slash));
      }
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
  std::lock_guard lock(s.mu);
  s.dir = dir;
  s.packs.clear();
  s.checklists.clear();
}

std::vector<std::string> pack_names() {
  Store& s = store();
  std::lock_guard lock(s.mu);
  return names_in(s.dir);
}

const ProviderPack& provider_pack(const std::string& name) {
  Store& s = store();
  std::lock_guard lock(s.mu);
  if (auto it = s.packs.find(name); it != s.packs.end()) return *it->second;
  auto data = read(s.dir, name, "pack.yaml");
  if (!data) unknown_pack(name, names_in(s.dir));
  auto pack = std::make_unique<ProviderPack>(parse_provider(data->first, data->second));
  if (pack->name != name) {
    throw ConfigError(SourceLoc{data->second, 1, 1},
                      "pack declares name '" + pack->name + "' but lives in folder '" + name + "'");
  }
  return *s.packs.emplace(name, std::move(pack)).first->second;
}

const Checklist& provider_checklist(const std::string& name) {
  const ProviderPack& pack = provider_pack(name);
  Store& s = store();
  std::lock_guard lock(s.mu);
  if (auto it = s.checklists.find(name); it != s.checklists.end()) return *it->second;
  auto data = read(s.dir, name, "checklist.yaml");
  if (!data) {
    throw ConfigError(SourceLoc{pack.source, 0, 0}, "pack '" + name + "' has no checklist.yaml");
  }
  auto c = std::make_unique<Checklist>(parse_checklist(data->first, data->second));
  return *s.checklists.emplace(name, std::move(c)).first->second;
}

std::optional<std::string> pack_file(const std::string& name, const std::string& file) {
  Store& s = store();
  std::lock_guard lock(s.mu);
  auto data = read(s.dir, name, file);
  if (!data) return std::nullopt;
  return data->first;
}

std::optional<BuiltinProfile> builtin_profile(const std::string& env_name) {
  for (const auto& name : pack_names()) {
    const ProviderPack& pack = provider_pack(name);
    if (pack.demo_profile != env_name) continue;
    auto text = pack_file(name, "demo.yaml");
    if (!text) return std::nullopt;
    return BuiltinProfile{name, *text, "builtin:providers/" + name + "/demo.yaml"};
  }
  return std::nullopt;
}

std::string pack_versions() {
  std::vector<std::string> parts;
  for (const auto& name : pack_names()) {
    parts.push_back(name + " " + provider_pack(name).pack_version);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace golive
