#include "engine/registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/diagnostic.hpp"

namespace golive {

void Registry::add(CheckInfo info, CheckFactory make) {
  if (find(info.id)) throw std::logic_error("duplicate check id " + info.id);
  entries_.push_back({std::move(info), std::move(make)});
  std::sort(entries_.begin(), entries_.end(),
            [](const CheckEntry& a, const CheckEntry& b) { return a.info.id < b.info.id; });
}

const CheckEntry* Registry::find(const std::string& id) const {
  for (const auto& e : entries_) {
    if (e.info.id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> Registry::ids() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.info.id);
  return out;
}

void Registry::require(const std::string& id, const std::string& context) const {
  if (find(id)) return;
  std::string msg = "unknown check id '" + id + "'";
  if (auto s = did_you_mean(id, ids()); !s.empty()) msg += "; did you mean '" + s + "'?";
  msg += " (run `bluum-golive list` for the catalogue)";
  throw ConfigError(SourceLoc{context, 0, 0}, msg);
}

}  // namespace golive
