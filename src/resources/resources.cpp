#include "resources/resources.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

#include "resources/embedded.hpp"

namespace golive::resources {

namespace {

namespace fs = std::filesystem;

struct State {
  std::string dir;
  std::mutex mu;
  /// Files read from `dir`, by logical name; never erased, so views into them stay valid.
  std::map<std::string, std::string, std::less<>> files;
};

State& state() {
  static State s;
  return s;
}

/// The text of DIR/name, read once; nullptr when there is no such regular file.
const std::string* from_dir(State& s, std::string_view name) {
  std::lock_guard lock(s.mu);
  if (auto it = s.files.find(name); it != s.files.end()) return &it->second;
  fs::path p = fs::path(s.dir) / name;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return nullptr;
  std::ifstream in(p, std::ios::binary);
  if (!in) return nullptr;
  std::string text(std::istreambuf_iterator<char>(in), {});
  return &s.files.emplace(std::string(name), std::move(text)).first->second;
}

/// The embedded file named `name`, or nullptr.
const detail::Blob* find_blob(std::string_view name) {
  for (const auto& b : detail::blobs()) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

std::string_view bytes(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace

void set_packs_dir(const std::string& dir) {
  std::error_code ec;
  if (!dir.empty() && !fs::is_directory(dir, ec)) {
    throw std::invalid_argument("'" + dir + "' is not a directory");
  }
  State& s = state();
  std::lock_guard lock(s.mu);
  s.dir = dir;
  s.files.clear();
}

const std::string& packs_dir() {
  return state().dir;
}

std::string builtin_origin(std::string_view name) {
  return "built-in:" + std::string(name);
}

std::optional<std::string_view> builtin(std::string_view name) {
  const detail::Blob* b = find_blob(name);
  if (b == nullptr) return std::nullopt;
  return bytes(b->data, b->size);
}

std::optional<Resource> get(std::string_view name) {
  State& s = state();
  if (!s.dir.empty()) {
    if (const std::string* text = from_dir(s, name)) {
      return Resource{std::string(name), (fs::path(s.dir) / name).string(), *text, {}};
    }
  }
  const detail::Blob* b = find_blob(name);
  if (b == nullptr) return std::nullopt;
  return Resource{std::string(name), builtin_origin(name), bytes(b->data, b->size),
                  bytes(b->tree, b->tree_size)};
}

std::vector<std::string> list(std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& b : detail::blobs()) {
    if (b.name.starts_with(prefix)) out.emplace_back(b.name);
  }
  const std::string& dir = state().dir;
  std::error_code ec;
  if (!dir.empty()) {
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::string name = it->path().lexically_relative(dir).generic_string();
      if (name.starts_with(prefix)) out.push_back(std::move(name));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace golive::resources
