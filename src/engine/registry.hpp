#pragma once
/// The explicit check registry (clang-tidy style): checks/builtin_checks.cpp adds every built-in
/// check with one sorted line. No static-initialisation magic.
#include <memory>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/provider.hpp"

namespace golive {

/// A registered check: its description and how to build it.
struct CheckEntry {
  CheckInfo info;
  CheckFactory make;
};

class Registry {
 public:
  /// Registers T, which must provide `static CheckInfo describe()` and a constructor taking
  /// CheckOptions&.
  template <class T>
  void add() {
    add(T::describe(), [](CheckOptions& o) { return std::make_unique<T>(o); });
  }
  /// Registers a check by hand; throws std::logic_error when the id is already registered for
  /// one of the same providers (a generic id may be registered once).
  void add(CheckInfo info, CheckFactory make);

  /// The first entry for `id` (any provider), or nullptr.
  const CheckEntry* find(const std::string& id) const;
  /// The entry `pack` runs for `id`: the vendor's own implementation, else the generic check
  /// when the pack has what it requires; nullptr when the pack has no such check.
  const CheckEntry* find(const std::string& id, const ProviderPack& pack) const;
  /// All entries (every provider), sorted by id.
  const std::vector<CheckEntry>& entries() const { return entries_; }
  /// The entries `pack` runs, one per id, sorted by id.
  std::vector<const CheckEntry*> entries_for(const ProviderPack& pack) const;
  /// Every registered id (any provider), sorted, without repeats.
  std::vector<std::string> ids() const;
  /// The ids `pack` runs, sorted.
  std::vector<std::string> ids_for(const ProviderPack& pack) const;
  /// Throws ConfigError "unknown check id 'x'; did you mean 'y'?" if `id` is not registered
  /// (for `pack`, when given: "… is not a check of provider P" names who has it).
  void require(const std::string& id, const std::string& context,
               const ProviderPack* pack = nullptr) const;

 private:
  std::vector<CheckEntry> entries_;
};

/// Adds every generic built-in check (checks/builtin_checks.cpp).
void register_generic_checks(Registry& registry);

/// Adds every built-in check: the generic ones and every provider module's own
/// (providers/registry.cpp).
void register_builtin_checks(Registry& registry);

/// A registry holding every built-in check.
const Registry& builtin_registry();

}  // namespace golive
