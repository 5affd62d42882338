#pragma once
/// The data files compiled into the binary (cmake/GoliveResources.cmake generates the definition
/// of blobs()). Internal to golive::resources: read them through resources.hpp.
#include <cstddef>
#include <span>
#include <string_view>

namespace golive::resources::detail {

/// One embedded file: its logical name ("providers/bluum/pack.yaml") and its bytes; a YAML file
/// also carries its documents compiled to JSON at build time (core/yaml_json.hpp).
struct Blob {
  std::string_view name;
  const unsigned char* data;
  std::size_t size;
  const unsigned char* tree;  ///< the compiled documents, or nullptr
  std::size_t tree_size;
};

/// Every embedded file, in the order the build listed them.
std::span<const Blob> blobs();

}  // namespace golive::resources::detail
