#pragma once
/// The provider packs the tool carries (SPEC §11, §12): each pack's data (pack.yaml,
/// checklist.yaml, demo.yaml, profile.template) is compiled into the binary (src/resources);
/// `--packs-dir DIR` puts a directory laid out the same way in front, for pack development.
/// Each pack is parsed once per process.
#include <optional>
#include <string>
#include <vector>

#include "engine/checklist.hpp"
#include "engine/provider.hpp"

namespace golive {

/// Reads pack files from `dir` (laid out like the built-in ones: providers/NAME/pack.yaml, ...)
/// in front of the built-in copies; empty restores the built-in ones. Throws
/// std::invalid_argument when `dir` is not a directory. Call before any pack is loaded.
void set_packs_dir(const std::string& dir);

/// Names of the packs carried, sorted.
std::vector<std::string> pack_names();

/// The pack `name`; throws ConfigError naming the packs carried when there is none.
const ProviderPack& provider_pack(const std::string& name);

/// The checklist of pack `name`; throws ConfigError.
const Checklist& provider_checklist(const std::string& name);

/// The text of one data file of a pack ("demo.yaml", "init.yaml"); nullopt when absent.
std::optional<std::string> pack_file(const std::string& name, const std::string& file);

/// A built-in demo profile: the pack whose `demo_profile` is `env_name`, with its profile text.
struct BuiltinProfile {
  std::string provider;
  std::string text;
  std::string source;  ///< "built-in:providers/bluum/demo.yaml"
};
std::optional<BuiltinProfile> builtin_profile(const std::string& env_name);

/// "bluum 2026.12.1, blockchain0x 2026.12.1" for --version.
std::string pack_versions();

}  // namespace golive
