#pragma once
/// Data files the tool carries (packs, checklists, profiles, the report schema), by logical name
/// such as "providers/bluum/pack.yaml". PROVISIONAL: reads the source tree until the embedded
/// resource bundle lands (issue 11).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive::resources {

/// The contents of `logical`, or nullopt when the tool does not carry it.
std::optional<std::string_view> get(const std::string& logical);
/// Every logical name starting with `prefix`, sorted.
std::vector<std::string> list(const std::string& prefix);

}  // namespace golive::resources
