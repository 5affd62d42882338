#pragma once
/// YAML trees carried as JSON. The built-in provider packs and checklists are YAML in the source
/// tree; the build converts each into JSON once (src/resources/compile_yaml.cpp), and the tool
/// rebuilds the yaml-cpp tree from that JSON at start-up. yaml-cpp's scanner costs a few thousand
/// instructions a byte, nlohmann-json's parser a few dozen: the built-in data no longer weighs
/// on every run (docs/benchmarks.md). Files read from `--packs-dir` are parsed as YAML, with
/// FILE:LINE in their errors.
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace golive {

/// `node` as JSON: a map becomes an object (keys in document order), a sequence an array, a
/// scalar a string (its text as written: `true`, `10`, `on` stay strings, so yaml-cpp's own
/// conversions read them back unchanged), null null. Aliases are expanded. Throws
/// std::invalid_argument for a key that is not a scalar or a key repeated in one map.
nlohmann::ordered_json yaml_to_json(const YAML::Node& node);

/// The tree yaml_to_json was given, rebuilt (without source marks: Mark() is null).
YAML::Node yaml_from_json(const nlohmann::ordered_json& json);

/// The documents of a JSON array written by yaml_to_json over each document of a file. Throws
/// nlohmann::json::exception when `text` is not such an array.
std::vector<YAML::Node> yaml_documents_from_json(std::string_view text);

}  // namespace golive
