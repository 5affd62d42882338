#include "core/yaml_json.hpp"

#include <set>
#include <stdexcept>
#include <string>

namespace golive {

nlohmann::ordered_json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::ordered_json out = nlohmann::ordered_json::object();
      std::set<std::string> seen;
      for (const auto& kv : node) {
        if (!kv.first.IsScalar()) {
          throw std::invalid_argument("a mapping key is not a scalar");
        }
        const std::string& key = kv.first.Scalar();
        if (!seen.insert(key).second) {
          throw std::invalid_argument("the key '" + key + "' appears twice in one mapping");
        }
        out[key] = yaml_to_json(kv.second);
      }
      return out;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& item : node) out.push_back(yaml_to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
  }
  return nullptr;
}

namespace {

/// A new node for the scalar or null `json`, or an empty collection of its kind.
YAML::Node shell(const nlohmann::ordered_json& json) {
  if (json.is_object()) return YAML::Node(YAML::NodeType::Map);
  if (json.is_array()) return YAML::Node(YAML::NodeType::Sequence);
  if (json.is_string()) return YAML::Node(json.get_ref<const std::string&>());
  if (json.is_null()) return YAML::Node(YAML::NodeType::Null);
  // yaml_to_json writes no other type; a number or boolean keeps its JSON spelling.
  return YAML::Node(json.dump());
}

/// Adds the children of the collection `json` to `out`, top down: each child joins its parent's
/// node memory while it is still a single node, so building costs one merge per node (a bottom-up
/// build merges every subtree again at each level above it).
void fill(YAML::Node& out, const nlohmann::ordered_json& json) {
  if (json.is_object()) {
    for (const auto& [key, value] : json.items()) {
      YAML::Node child = shell(value);
      out.force_insert(key, child);
      fill(child, value);
    }
  } else if (json.is_array()) {
    for (const auto& item : json) {
      YAML::Node child = shell(item);
      out.push_back(child);
      fill(child, item);
    }
  }
}

}  // namespace

YAML::Node yaml_from_json(const nlohmann::ordered_json& json) {
  YAML::Node out = shell(json);
  fill(out, json);
  return out;
}

std::vector<YAML::Node> yaml_documents_from_json(std::string_view text) {
  const auto json = nlohmann::ordered_json::parse(text);
  const auto& docs = json.get_ref<const nlohmann::ordered_json::array_t&>();  // or type_error
  std::vector<YAML::Node> out;
  out.reserve(docs.size());
  for (const auto& doc : docs) out.push_back(yaml_from_json(doc));
  return out;
}

}  // namespace golive
