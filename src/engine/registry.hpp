#pragma once
/// The explicit check registry (clang-tidy style): checks/builtin_checks.cpp adds every built-in
/// check with one sorted line. No static-initialisation magic.
#include <memory>
#include <string>
#include <vector>

#include "engine/check.hpp"

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
  /// Registers a check by hand; throws std::logic_error on a duplicate id.
  void add(CheckInfo info, CheckFactory make);

  /// The entry for `id`, or nullptr.
  const CheckEntry* find(const std::string& id) const;
  /// All entries, sorted by id.
  const std::vector<CheckEntry>& entries() const { return entries_; }
  std::vector<std::string> ids() const;
  /// Throws ConfigError "unknown check id 'x'; did you mean 'y'?" if `id` is not registered.
  void require(const std::string& id, const std::string& context) const;

 private:
  std::vector<CheckEntry> entries_;
};

/// Adds every built-in check (defined in checks/builtin_checks.cpp).
void register_builtin_checks(Registry& registry);

/// A registry holding every built-in check.
const Registry& builtin_registry();

}  // namespace golive
