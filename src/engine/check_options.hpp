#pragma once
/// Typed access to one check's `checks:` options in the profile, with FILE:LINE:COL errors.
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace golive {

struct ProviderPack;

/// Wraps the YAML mapping under `checks.<id>`. Each getter marks its key as known; finish()
/// reports keys nobody asked for ("did you mean"). Errors are collected and thrown together.
class CheckOptions {
 public:
  /// `pack` is the provider the check is built for (defaults of generic checks come from it);
  /// null in engine tests.
  CheckOptions(std::string check_id, YAML::Node node, SourceLoc loc,
               const ProviderPack* pack = nullptr);

  int get_int(const std::string& key, int fallback);
  bool get_bool(const std::string& key, bool fallback);
  std::string get_string(const std::string& key, const std::string& fallback);
  std::vector<std::string> get_string_list(const std::string& key,
                                           const std::vector<std::string>& fallback);
  std::map<std::string, std::string> get_string_map(
      const std::string& key, const std::map<std::string, std::string>& fallback);

  /// Records a problem with `key` (used by checks for semantic validation).
  void error(const std::string& key, const std::string& message);
  /// Throws ConfigError if any problem or unknown key was found.
  void finish();
  const std::string& check_id() const { return check_id_; }
  /// The provider the check is built for; null when unknown (engine tests).
  const ProviderPack* pack() const { return pack_; }

 private:
  YAML::Node lookup(const std::string& key);
  SourceLoc loc_of(const YAML::Node& node) const;

  std::string check_id_;
  YAML::Node node_;
  SourceLoc loc_;
  std::set<std::string> known_{"enabled"};
  std::vector<Diagnostic> errors_;
  const ProviderPack* pack_ = nullptr;
};

}  // namespace golive
