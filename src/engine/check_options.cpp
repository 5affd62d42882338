#include "engine/check_options.hpp"

namespace golive {

// YAML::Node is a reference-counted handle that has no move constructor: taking it by value
// and copying it costs one reference count either way.
// NOLINTNEXTLINE(performance-unnecessary-value-param)
CheckOptions::CheckOptions(std::string check_id, YAML::Node node, SourceLoc loc,
                           const ProviderPack* pack)
    : check_id_(std::move(check_id)), node_(node), loc_(std::move(loc)), pack_(pack) {}

SourceLoc CheckOptions::loc_of(const YAML::Node& node) const {
  SourceLoc l = loc_;
  if (node && node.Mark().line >= 0) {
    l.line = node.Mark().line + 1;
    l.col = node.Mark().column + 1;
  }
  return l;
}

YAML::Node CheckOptions::lookup(const std::string& key) {
  known_.insert(key);
  if (!node_ || !node_.IsMap()) return YAML::Node();
  return node_[key];
}

void CheckOptions::error(const std::string& key, const std::string& message) {
  YAML::Node n = (node_ && node_.IsMap()) ? node_[key] : YAML::Node();
  errors_.push_back({loc_of(n ? n : node_), "checks." + check_id_ + "." + key + ": " + message});
}

int CheckOptions::get_int(const std::string& key, int fallback) {
  YAML::Node n = lookup(key);
  if (!n || n.IsNull()) return fallback;
  try {
    return n.as<int>();
  } catch (const YAML::Exception&) {
    error(key, "must be an integer");
    return fallback;
  }
}

bool CheckOptions::get_bool(const std::string& key, bool fallback) {
  YAML::Node n = lookup(key);
  if (!n || n.IsNull()) return fallback;
  try {
    return n.as<bool>();
  } catch (const YAML::Exception&) {
    error(key, "must be true or false");
    return fallback;
  }
}

std::string CheckOptions::get_string(const std::string& key, const std::string& fallback) {
  YAML::Node n = lookup(key);
  if (!n || n.IsNull()) return fallback;
  if (!n.IsScalar()) {
    error(key, "must be a string");
    return fallback;
  }
  return n.as<std::string>();
}

std::vector<std::string> CheckOptions::get_string_list(const std::string& key,
                                                       const std::vector<std::string>& fallback) {
  YAML::Node n = lookup(key);
  if (!n || n.IsNull()) return fallback;
  if (!n.IsSequence()) {
    error(key, "must be a list of strings");
    return fallback;
  }
  std::vector<std::string> out;
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      error(key, "must be a list of strings");
      return fallback;
    }
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::map<std::string, std::string> CheckOptions::get_string_map(
    const std::string& key, const std::map<std::string, std::string>& fallback) {
  YAML::Node n = lookup(key);
  if (!n || n.IsNull()) return fallback;
  if (!n.IsMap()) {
    error(key, "must be a mapping of strings");
    return fallback;
  }
  std::map<std::string, std::string> out;
  for (const auto& kv : n) {
    if (!kv.first.IsScalar()) {
      errors_.push_back(
          {loc_of(kv.first), "checks." + check_id_ + "." + key + ": keys must be plain strings"});
      return fallback;
    }
    if (!kv.second.IsScalar()) {
      error(key, "values must be strings");
      return fallback;
    }
    out[kv.first.Scalar()] = kv.second.Scalar();
  }
  return out;
}

void CheckOptions::finish() {
  if (node_ && node_.IsMap()) {
    std::vector<std::string> known(known_.begin(), known_.end());
    for (const auto& kv : node_) {
      if (!kv.first.IsScalar()) {
        errors_.push_back(
            {loc_of(kv.first), "checks." + check_id_ + ": option names must be plain strings"});
        continue;
      }
      const std::string& key = kv.first.Scalar();
      if (known_.count(key)) continue;
      std::string msg = "checks." + check_id_ + ": unknown option '" + key + "'";
      if (auto s = did_you_mean(key, known); !s.empty()) msg += "; did you mean '" + s + "'?";
      errors_.push_back({loc_of(kv.first), msg});
    }
  } else if (node_ && !node_.IsNull()) {
    errors_.push_back({loc_of(node_), "checks." + check_id_ + ": options must be a mapping"});
  }
  if (!errors_.empty()) throw ConfigError(errors_);
}

}  // namespace golive
