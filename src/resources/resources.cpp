#include "resources/resources.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace golive::resources {

namespace fs = std::filesystem;

namespace {
std::mutex mu;
std::map<std::string, std::string>& cache() {
  static std::map<std::string, std::string> c;
  return c;
}
}  // namespace

std::optional<std::string_view> get(const std::string& logical) {
  std::lock_guard lock(mu);
  auto& c = cache();
  if (auto it = c.find(logical); it != c.end()) return std::string_view(it->second);
  const fs::path p = fs::path(GOLIVE_SOURCE_ROOT) / logical;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::string_view(c.emplace(logical, text.str()).first->second);
}

std::vector<std::string> list(const std::string& prefix) {
  std::vector<std::string> out;
  const fs::path root(GOLIVE_SOURCE_ROOT);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root / "providers", ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string rel = fs::relative(it->path(), root, ec).string();
    if (rel.rfind(prefix, 0) == 0) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace golive::resources
