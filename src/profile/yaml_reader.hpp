#pragma once
/// Typed, located reads from a yaml-cpp tree. Internal to the profile loader: every read reports
/// its problem as a Diagnostic at the offending node and returns nullopt, so the loader can keep
/// going and report every problem at once.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace golive::profile::detail {

/// One `key: value` pair of a mapping.
struct Entry {
  std::string key;   ///< as written, e.g. "tolerance_s"
  std::string path;  ///< dotted from the root, e.g. "webhook.tolerance_s"
  YAML::Node key_node;
  YAML::Node value;
};

/// The entries of one mapping after its keys were checked.
class Fields {
 public:
  Fields(std::vector<Entry> entries, std::set<std::string> misspelt)
      : entries_(std::move(entries)), misspelt_(std::move(misspelt)) {}
  /// The entry for `key`, or nullptr when absent.
  const Entry* get(std::string_view key) const;
  const std::vector<Entry>& all() const { return entries_; }
  /// True when an unknown key was reported with "did you mean `key`".
  bool misspelt(const std::string& key) const { return misspelt_.count(key) > 0; }

 private:
  std::vector<Entry> entries_;
  std::set<std::string> misspelt_;
};

/// Collects diagnostics against one file.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  /// 1-based location of `node`; only the file when yaml-cpp has no mark for it.
  SourceLoc loc(const YAML::Node& node) const;
  /// Location of an entry's value, or of its key when the value is empty (`key:`).
  SourceLoc value_loc(const Entry& entry) const;
  SourceLoc key_loc(const Entry& entry) const { return loc(entry.key_node); }

  void error(SourceLoc where, std::string message);
  /// Reports `message` at the entry's value.
  void error(const Entry& entry, std::string message);
  bool has_errors() const { return !diagnostics_.empty(); }
  /// The diagnostics so far, in file order (line, then column).
  std::vector<Diagnostic> diagnostics() const;

  /// The pairs of `entry.value`, which must be a mapping ("'checks' must be a mapping").
  /// Reports keys that are not scalars and duplicate keys (the first one is kept).
  std::optional<std::vector<Entry>> entries(const Entry& entry);
  /// entries() whose keys must all be in `allowed` (unknown keys get "did you mean") and must
  /// include every key in `required` ("missing required key 'url' in 'webhook'"), unless an
  /// unknown key was already reported with that key as its suggestion.
  std::optional<Fields> fields(const Entry& entry, const std::vector<std::string>& allowed,
                               const std::vector<std::string>& required);

  /// A non-empty scalar ("'provider' must be a string", "'by' must not be empty").
  std::optional<std::string> string(const Entry& entry);
  /// A decimal integer ("'tolerance_s' must be an integer").
  std::optional<int> integer(const Entry& entry);
  /// An integer greater than zero.
  std::optional<int> positive(const Entry& entry);
  /// true or false (also True/TRUE/False/FALSE, as YAML 1.2 core schema).
  std::optional<bool> boolean(const Entry& entry);
  /// A string among `choices`, with "did you mean" when it is not.
  std::optional<std::string> choice(const Entry& entry, const std::vector<std::string>& choices);
  /// A calendar date written YYYY-MM-DD.
  std::optional<std::chrono::year_month_day> date(const Entry& entry);

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

/// "a, b, c".
std::string join(const std::vector<std::string>& words, std::string_view sep = ", ");

/// "unknown KIND 'word'; did you mean 'x'?" or, with no close candidate, the `otherwise` tail:
/// "unknown KIND 'word'; OTHERWISE".
std::string unknown_message(std::string_view kind, const std::string& word,
                            const std::vector<std::string>& candidates, std::string_view otherwise);

}  // namespace golive::profile::detail
