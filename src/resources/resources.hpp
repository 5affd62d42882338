#pragma once
/// The data the tool carries — provider packs, checklists, the demo profile, the report schema —
/// by logical name ("providers/bluum/pack.yaml"). Each is compiled into the binary, so the binary
/// works alone; `--packs-dir DIR` (pack development) puts a directory laid out the same way in
/// front of the built-in copies. The installed copy under share/bluum-golive/ is such a directory.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive::resources {

/// One data file and where it came from.
struct Resource {
  std::string name;       ///< logical name, e.g. "providers/bluum/checklist.yaml"
  std::string origin;     ///< the file it was read from, or "built-in:NAME"
  std::string_view text;  ///< valid until the process exits
  /// The built-in copy's YAML documents compiled at build time, as JSON
  /// (core/yaml_documents_from_json reads them); empty for a file from the packs directory
  /// and for data that is not YAML. Valid until the process exits.
  std::string_view tree;
};

/// Makes files under `dir` take precedence over the built-in copies (empty: built-in only).
/// Throws std::invalid_argument when `dir` is not a directory. Call before any lookup.
void set_packs_dir(const std::string& dir);

/// The directory set by set_packs_dir, or "".
const std::string& packs_dir();

/// `name` from the packs directory when that file exists there, else the built-in copy;
/// nullopt when neither has it. Thread-safe.
std::optional<Resource> get(std::string_view name);

/// The built-in copy of `name` only.
std::optional<std::string_view> builtin(std::string_view name);

/// Logical names starting with `prefix` ("providers/"), from the packs directory and the
/// built-ins, sorted and without duplicates.
std::vector<std::string> list(std::string_view prefix);

/// "built-in:NAME", the origin of a built-in copy.
std::string builtin_origin(std::string_view name);

}  // namespace golive::resources
