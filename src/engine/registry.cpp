#include "engine/registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/diagnostic.hpp"

namespace golive {

namespace {

bool overlaps(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) {
    return std::find(b.begin(), b.end(), x) != b.end();
  });
}

bool belongs(const CheckInfo& info, const std::string& provider) {
  return std::find(info.providers.begin(), info.providers.end(), provider) != info.providers.end();
}

bool runnable(const CheckInfo& info, const ProviderPack& pack) {
  return std::all_of(info.requires_pack.begin(), info.requires_pack.end(),
                     [&](const std::string& c) { return pack.has(c); });
}

}  // namespace

void Registry::add(CheckInfo info, CheckFactory make) {
  for (const auto& e : entries_) {
    if (e.info.id == info.id && overlaps(e.info.providers, info.providers)) {
      throw std::logic_error("duplicate check id " + info.id);
    }
  }
  // Into its sorted place, after any entry with the same id: sorting the whole vector again on
  // every add moved ~15 k CheckInfo objects per process (1 M instructions of a short `check`).
  const auto at =
      std::upper_bound(entries_.begin(), entries_.end(), info.id,
                       [](const std::string& id, const CheckEntry& e) { return id < e.info.id; });
  entries_.insert(at, CheckEntry{std::move(info), std::move(make)});
}

const CheckEntry* Registry::find(const std::string& id) const {
  for (const auto& e : entries_) {
    if (e.info.id == id) return &e;
  }
  return nullptr;
}

const CheckEntry* Registry::find(const std::string& id, const ProviderPack& pack) const {
  const CheckEntry* generic = nullptr;
  for (const auto& e : entries_) {
    if (e.info.id != id) continue;
    if (belongs(e.info, pack.name)) return &e;
    if (e.info.providers.empty() && runnable(e.info, pack)) generic = &e;
  }
  return generic;
}

std::vector<const CheckEntry*> Registry::entries_for(const ProviderPack& pack) const {
  std::vector<const CheckEntry*> out;
  for (const auto& id : ids()) {
    if (const CheckEntry* e = find(id, pack)) out.push_back(e);
  }
  return out;
}

std::vector<std::string> Registry::ids() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) {
    if (out.empty() || out.back() != e.info.id) out.push_back(e.info.id);
  }
  return out;
}

std::vector<std::string> Registry::ids_for(const ProviderPack& pack) const {
  std::vector<std::string> out;
  for (const CheckEntry* e : entries_for(pack)) out.push_back(e->info.id);
  return out;
}

void Registry::require(const std::string& id, const std::string& context,
                       const ProviderPack* pack) const {
  const CheckEntry* any = find(id);
  if (any != nullptr && (pack == nullptr || find(id, *pack) != nullptr)) return;
  std::string msg;
  if (any != nullptr) {
    std::vector<std::string> owners;
    for (const auto& e : entries_) {
      if (e.info.id == id)
        owners.insert(owners.end(), e.info.providers.begin(), e.info.providers.end());
    }
    msg = "check '" + id + "' does not apply to provider " + pack->name;
    if (!owners.empty()) {
      std::string list;
      for (const auto& o : owners) list += (list.empty() ? "" : ", ") + o;
      msg += " (it is a check of " + list + ")";
    }
  } else {
    msg = "unknown check id '" + id + "'";
    const auto candidates = pack != nullptr ? ids_for(*pack) : ids();
    if (auto s = did_you_mean(id, candidates); !s.empty()) msg += "; did you mean '" + s + "'?";
    msg += " (run `bluum-golive list` for the catalogue)";
  }
  throw ConfigError(SourceLoc{context, 0, 0}, msg);
}

}  // namespace golive
