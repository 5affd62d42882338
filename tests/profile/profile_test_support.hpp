#pragma once
/// Shared helpers for the profile tests: a temporary directory, the ids the loader knows, and
/// a way to collect the diagnostics of a profile that fails to load.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "profile/loader.hpp"

namespace golive::profile::testing {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "golive-profile-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `text` to `name` inside the directory and returns its full path.
  std::string write(const std::string& name, const std::string& text) const {
    auto p = path_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

/// The ids used by the profile tests (a subset of the real catalogue is enough here).
inline LoadOptions test_options() {
  LoadOptions o;
  o.known_check_ids = {"api.smoke",         "idempotency.concurrent", "webhook.duplicate",
                       "webhook.signature", "credentials.present",    "api.livemode"};
  o.known_attestation_ids = {"compliance.kyc-documents", "secrets.manager-in-use",
                             "secrets.rotation-process"};
  return o;
}

/// The messages ("FILE:LINE:COL: message") of the ConfigError `yaml` raises; empty if it loads.
inline std::vector<std::string> errors_of(const std::string& yaml,
                                          const std::string& path = "p.yaml") {
  try {
    parse_profile(yaml, path, test_options());
  } catch (const ConfigError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.str());
    return out;
  }
  return {};
}

/// A valid minimal header to which tests append the section they exercise.
inline const char* const k_minimal =
    "version: 1\n"
    "provider: bluum\n"
    "environment: sandbox\n"
    "base_url: embedded\n";

}  // namespace golive::profile::testing
