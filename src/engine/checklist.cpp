#include "engine/checklist.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/diagnostic.hpp"
#include "resources/resources.hpp"

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

/// The item's `client_grades` (each must be one of its checks), else its `client.*` checks.
std::vector<std::string> client_grades(const YAML::Node& item,
                                       const std::vector<std::string>& checks,
                                       const std::string& file) {
  const YAML::Node node = item["client_grades"];
  if (!node) {
    std::vector<std::string> out;
    for (const auto& id : checks) {
      if (id.rfind("client.", 0) == 0) out.push_back(id);
    }
    return out;
  }
  auto out = strings(node);
  for (const auto& id : out) {
    if (std::find(checks.begin(), checks.end(), id) == checks.end()) {
      throw ConfigError(SourceLoc{file, node.Mark().line + 1, node.Mark().column + 1},
                        "checklist: client_grades names '" + id + "', which is not in checks");
    }
  }
  return out;
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

Checklist load_checklist(const std::string& name) {
  auto res = resources::get("checklists/" + name + ".yaml");
  if (!res) throw ConfigError(SourceLoc{"checklist", 0, 0}, "checklist '" + name + "' not found");
  const std::string& file = res->origin;
  try {
    YAML::Node root = YAML::Load(std::string(res->text));
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
        i.client_grades = client_grades(in, i.checks, file);
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
