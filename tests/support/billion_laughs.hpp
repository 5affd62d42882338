#pragma once
// The "billion laughs" YAML of issue 10: a few hundred bytes of nested aliases to mappings.
#include <string>

namespace golive::testing {

/// `head`, then `a: &a {k: v}` and `levels` mappings (named b, c, ...), each holding nine
/// aliases to the one before: nine levels are about 820 bytes standing for 9^9 nodes.
inline std::string billion_laughs(const std::string& head = "", int levels = 9) {
  std::string text = head + "a: &a {k: v}\n";
  std::string prev = "a";
  for (int i = 0; i < levels; ++i) {
    const std::string name(1, static_cast<char>('b' + i));
    text += name + ": &" + name + " {";
    for (int k = 1; k <= 9; ++k) text += (k > 1 ? ", k" : "k") + std::to_string(k) + ": *" + prev;
    text += "}\n";
    prev = name;
  }
  return text;
}

}  // namespace golive::testing
