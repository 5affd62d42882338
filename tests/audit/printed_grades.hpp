#pragma once
// Reads the grade rows of `audit`'s text report ("      pass   client.x   ...").
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace golive::audit::test {

/// Grade id → the status printed on its row of the text report `out`.
inline std::map<std::string, std::string> printed_grades(const std::string& out) {
  std::map<std::string, std::string> printed;
  static const std::regex row(R"(^\s+(pass|fail|skip|warn|inconclusive)\s+(client\.[a-z-]+)\s)");
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row)) printed[m[2]] = m[1];
  }
  return printed;
}

}  // namespace golive::audit::test
