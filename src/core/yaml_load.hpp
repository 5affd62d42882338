#pragma once
/// Loading YAML input (profiles, provider packs, checklists, audit schedules, custom webhook
/// schemes) with bounds, so that no file can make a later walk of the tree explode.
///
/// yaml-cpp loads an alias (`*a`) as the anchored node itself, shared rather than copied: loading
/// is linear, but every walk of the tree visits a shared node once per path to it. Nested aliases
/// to collections ("billion laughs": `b: &b {k1: *a, ..., k9: *a}` nine levels deep) turn an
/// 820-byte file into a walk of 9^9 nodes, and an alias inside the collection it names (`&a [*a]`)
/// into a cycle that recurses forever. Before building the tree, these functions run yaml-cpp's
/// event parser once and count the nodes the document stands for with every alias expanded.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <vector>

namespace golive {

/// The most nodes a YAML input may stand for with its aliases expanded. A full profile has a few
/// hundred; a walk of this many takes milliseconds.
inline constexpr std::size_t k_max_yaml_nodes = 100000;

/// The largest provider pack, checklist or audit schedule file read (each is a few KiB).
inline constexpr std::size_t k_max_config_bytes = 1024 * 1024;

/// Every document of `text` (read from `path`, which messages name). Throws ConfigError with one
/// diagnostic at FILE:LINE:COL for YAML that does not parse ("invalid YAML: ..."), for an alias
/// inside the collection it refers to ("an alias refers to a mapping or sequence that contains
/// it"), and at the alias or node that takes the documents past `max_nodes` expanded nodes.
std::vector<YAML::Node> load_yaml_documents(const std::string& text, const std::string& path,
                                            std::size_t max_nodes = k_max_yaml_nodes);

/// The first document (Null when there is none) of the regular file `path` of at most
/// `max_bytes` (core/file.hpp), loaded by load_yaml_documents. Throws ConfigError at `path` when
/// the file cannot be read: "cannot read the provider pack: it is a FIFO (named pipe), not a
/// regular file" (`what` = "provider pack").
YAML::Node load_yaml_file(const std::string& path, std::size_t max_bytes, const std::string& what);

}  // namespace golive
