#pragma once
// Node-for-node comparison of two yaml-cpp trees (the compiled built-in data against its YAML).
#include <yaml-cpp/yaml.h>

#include <string>

namespace golive::testing {

/// "" when `a` and `b` hold the same tree (types, scalar text, keys in order, items in order),
/// else the path of the first difference and what differs there.
inline std::string tree_difference(const YAML::Node& a, const YAML::Node& b,
                                   const std::string& path = "$") {
  if (a.Type() != b.Type()) {
    return path + ": node type " + std::to_string(static_cast<int>(a.Type())) + " against " +
           std::to_string(static_cast<int>(b.Type()));
  }
  if (a.IsScalar()) {
    return a.Scalar() == b.Scalar() ? ""
                                    : path + ": '" + a.Scalar() + "' against '" + b.Scalar() + "'";
  }
  if (!a.IsMap() && !a.IsSequence()) return "";
  if (a.size() != b.size())
    return path + ": " + std::to_string(a.size()) + " entries against " + std::to_string(b.size());
  auto i = a.begin();
  auto j = b.begin();
  for (std::size_t k = 0; i != a.end(); ++i, ++j, ++k) {
    if (a.IsSequence()) {
      if (auto d = tree_difference(*i, *j, path + "[" + std::to_string(k) + "]"); !d.empty()) {
        return d;
      }
      continue;
    }
    const std::string key = i->first.Scalar();
    if (key != j->first.Scalar())
      return path + ": key '" + key + "' against '" + j->first.Scalar() + "'";
    if (auto d = tree_difference(i->second, j->second, path + "." + key); !d.empty()) return d;
  }
  return "";
}

}  // namespace golive::testing
