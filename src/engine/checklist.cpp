#include "engine/checklist.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "core/diagnostic.hpp"
#include "core/yaml_load.hpp"

namespace golive {

namespace {
std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence()) {
    for (const auto& i : n) out.push_back(i.as<std::string>());
  }
  return out;
}
void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}
}  // namespace

std::vector<std::string> Checklist::attestation_ids() const {
  std::vector<std::string> out;
  for (const auto& s : sections)
    for (const auto& i : s.items)
      for (const auto& a : i.attestations) add_unique(out, a);
  return out;
}

std::vector<std::string> Checklist::check_ids() const {
  std::vector<std::string> out;
  for (const auto& s : sections)
    for (const auto& i : s.items)
      for (const auto& c : i.checks) add_unique(out, c);
  return out;
}

std::vector<std::string> Checklist::items_for_check(const std::string& check_id) const {
  std::vector<std::string> out;
  for (const auto& s : sections)
    for (const auto& i : s.items)
      if (std::find(i.checks.begin(), i.checks.end(), check_id) != i.checks.end())
        out.push_back(i.id);
  return out;
}

Checklist load_checklist(const std::string& config_dir, const std::string& name) {
  std::string file = (std::filesystem::path(config_dir) / "checklists" / (name + ".yaml")).string();
  if (!std::filesystem::exists(file)) {
    throw ConfigError(SourceLoc{file, 0, 0}, "checklist '" + name + "' not found");
  }
  try {
    YAML::Node root = load_yaml_file(file, k_max_config_bytes, "checklist");
    Checklist c;
    c.provider = root["provider"].as<std::string>();
    c.title = root["title"].as<std::string>("");
    c.source = root["source"].as<std::string>("");
    int number = 0;
    for (const auto& sn : root["sections"]) {
      ChecklistSection s;
      s.number = ++number;
      s.id = sn["id"].as<std::string>();
      s.title = sn["title"].as<std::string>();
      s.doc = sn["doc"].as<std::string>("");
      for (const auto& in : sn["items"]) {
        ChecklistItem i;
        i.id = in["id"].as<std::string>();
        i.text = in["text"].as<std::string>();
        i.doc = in["doc"].as<std::string>(s.doc);
        i.checks = strings(in["checks"]);
        i.attestations = strings(in["attestations"]);
        s.items.push_back(std::move(i));
      }
      c.sections.push_back(std::move(s));
    }
    return c;
  } catch (const YAML::Exception& e) {
    throw ConfigError(SourceLoc{file, e.mark.line + 1, e.mark.column + 1},
                      std::string("checklist: ") + e.what());
  }
}

}  // namespace golive
