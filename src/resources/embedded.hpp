#pragma once
/// The data files compiled into the binary (cmake/GoliveResources.cmake generates the definition
/// of blobs()). Internal to golive::resources: read them through resources.hpp.
#include <cstddef>
#include <span>
#include <string_view>

namespace golive::resources::detail {

/// One embedded file: its logical name ("providers/bluum/pack.yaml") and its bytes.
struct Blob {
  std::string_view name;
  const unsigned char* data;
  std::size_t size;
};

/// Every embedded file, in the order the build listed them.
std::span<const Blob> blobs();

}  // namespace golive::resources::detail
