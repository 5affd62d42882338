#pragma once
// Helpers for tests that run the real bluum-golive binary.
#include <filesystem>
#include <fstream>

#include "support/process.hpp"

namespace golive::testing {

using Env = std::map<std::string, std::optional<std::string>>;

/// Runs bluum-golive with `args` in directory `cwd`.
inline ProcessResult run_golive_in(const std::string& cwd, std::vector<std::string> args,
                                   const Env& env = {}, int timeout_s = 60) {
  args.insert(args.begin(), GOLIVE_BINARY);
  Env e = env;
  e.emplace("NO_COLOR", "1");
  return run_process(args, e, cwd, timeout_s);
}

/// Runs bluum-golive with `args` from the source tree (so config/ is found).
inline ProcessResult run_golive(std::vector<std::string> args, const Env& env = {},
                                int timeout_s = 60) {
  return run_golive_in(GOLIVE_SOURCE_DIR, std::move(args), env, timeout_s);
}

/// A scratch directory removed at scope exit.
struct Scratch {
  std::filesystem::path path;
  explicit Scratch(const std::string& tag) {
    path = std::filesystem::temp_directory_path() /
           ("golive-cli-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    auto p = path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  std::string read(const std::string& name) const {
    std::ifstream in(path / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

/// The last non-empty line of `text`.
inline std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return "";
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

}  // namespace golive::testing
