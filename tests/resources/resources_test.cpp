// The data the tool carries (src/resources/): built in byte for byte, and overridden file by
// file by --packs-dir.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"
#include "core/yaml_json.hpp"
#include "core/yaml_load.hpp"
#include "engine/checklist.hpp"
#include "engine/packs.hpp"
#include "engine/provider.hpp"
#include "resources/resources.hpp"
#include "support/yaml_tree.hpp"

namespace fs = std::filesystem;
using namespace golive;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The LOGICAL=FILE pairs the build embedded (written next to this test by its CMakeLists).
std::vector<std::pair<std::string, std::string>> embedded_list() {
  std::vector<std::pair<std::string, std::string>> out;
  std::ifstream in("embedded.list");
  for (std::string line; std::getline(in, line);) {
    auto eq = line.find('=');
    if (eq != std::string::npos) out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
  }
  return out;
}

/// A packs directory for one test; built-in only again afterwards.
struct PacksDir {
  fs::path path = fs::temp_directory_path() / ("golive-packs-" + std::to_string(::getpid()));
  PacksDir() {
    fs::remove_all(path);
    fs::create_directories(path);
    set_packs_dir(path.string());
  }
  ~PacksDir() {
    set_packs_dir("");
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

}  // namespace

TEST_CASE("resources: every file the build lists is built in byte for byte", "[resources]") {
  auto entries = embedded_list();
  REQUIRE(entries.size() >= 4);
  for (const auto& [name, file] : entries) {
    INFO(name << " = " << file);
    auto text = resources::builtin(name);
    REQUIRE(text.has_value());
    REQUIRE(*text == slurp(fs::path(GOLIVE_SOURCE_DIR) / file));
    auto res = resources::get(name);
    REQUIRE(res.has_value());
    REQUIRE(res->origin == "built-in:" + name);
  }
}

TEST_CASE("resources: every built-in YAML file carries its compiled tree, node for node the same",
          "[resources]") {
  size_t yaml_files = 0;
  for (const auto& [name, file] : embedded_list()) {
    INFO(name);
    auto res = resources::get(name);
    REQUIRE(res.has_value());
    if (!name.ends_with(".yaml")) {
      REQUIRE(res->tree.empty());
      continue;
    }
    ++yaml_files;
    REQUIRE_FALSE(res->tree.empty());
    const auto from_text = load_yaml_documents(std::string(res->text), res->origin);
    const auto from_tree = yaml_documents_from_json(res->tree);
    REQUIRE(from_tree.size() == from_text.size());
    for (size_t i = 0; i < from_text.size(); ++i) {
      REQUIRE(golive::testing::tree_difference(from_text[i], from_tree[i]).empty());
    }
  }
  REQUIRE(yaml_files >= 6);
  // What the tool reads (the tree) is what the file says: the same checks, items and version.
  for (const auto& name : pack_names()) {
    INFO(name);
    const auto text = resources::builtin("providers/" + name + "/checklist.yaml");
    REQUIRE(text.has_value());
    CHECK(parse_checklist(std::string(*text), "t").check_ids() ==
          provider_checklist(name).check_ids());
    const auto pack = resources::builtin("providers/" + name + "/pack.yaml");
    REQUIRE(pack.has_value());
    const std::string version = parse_provider(std::string(*pack), "t").pack_version;
    CHECK(version == provider_pack(name).pack_version);
    CHECK_THAT(pack_versions(), Catch::Contains(name + " " + version));
  }
}

TEST_CASE("resources: a pack from the packs directory is read as YAML, with its lines",
          "[resources]") {
  PacksDir dir;
  dir.write("providers/bluum/checklist.yaml", "version: 1\nprovider: bluum\n");
  auto res = resources::get("providers/bluum/checklist.yaml");
  REQUIRE(res.has_value());
  REQUIRE(res->tree.empty());
  try {
    provider_checklist("bluum");
    FAIL("no ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE_THAT(e.diagnostics().front().str(),
                 Catch::StartsWith((dir.path / "providers/bluum/checklist.yaml").string() + ":1:"));
  }
}

TEST_CASE(
    "resources: the built-ins carry the bluum pack, its checklist, the demo profile and "
    "the report schema",
    "[resources]") {
  for (const char* name :
       {"providers/bluum/pack.yaml", "providers/bluum/checklist.yaml", "providers/bluum/demo.yaml",
        "providers/bluum/profile.template", "schemas/report.schema.json"}) {
    INFO(name);
    REQUIRE(resources::builtin(name).has_value());
  }
  REQUIRE(resources::list("providers/bluum/").size() == 4);
  REQUIRE_FALSE(resources::get("providers/nope/pack.yaml").has_value());
  REQUIRE(std::find(pack_names().begin(), pack_names().end(), "bluum") != pack_names().end());
  REQUIRE_FALSE(provider_pack("bluum").pack_version.empty());
}

TEST_CASE("resources: a packs directory wins file by file, and what it lacks stays built in",
          "[resources]") {
  PacksDir dir;
  dir.write("providers/bluum/checklist.yaml", "under development\n");
  dir.write("providers/acme/pack.yaml", "name: acme\n");
  auto checklist = resources::get("providers/bluum/checklist.yaml");
  REQUIRE(checklist.has_value());
  REQUIRE(checklist->origin == (dir.path / "providers/bluum/checklist.yaml").string());
  REQUIRE(checklist->text == "under development\n");
  REQUIRE(resources::get("providers/bluum/pack.yaml")->origin ==
          "built-in:providers/bluum/pack.yaml");
  const auto listed = resources::list("providers/");
  REQUIRE(std::find(listed.begin(), listed.end(), "providers/acme/pack.yaml") != listed.end());
  REQUIRE(std::find(listed.begin(), listed.end(), "providers/bluum/pack.yaml") != listed.end());
}

TEST_CASE("resources: a broken pack in the packs directory is a ConfigError at its file",
          "[resources]") {
  PacksDir dir;
  dir.write("providers/bluum/pack.yaml", "name: [unclosed\n");
  try {
    provider_pack("bluum");
    FAIL("no ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE_THAT(e.diagnostics().front().str(),
                 Catch::StartsWith((dir.path / "providers/bluum/pack.yaml").string() + ":"));
  }
  REQUIRE_THROWS_AS(provider_pack("nope"), ConfigError);
}

TEST_CASE("resources: a packs directory that is not a directory is refused", "[resources]") {
  REQUIRE_THROWS_AS(resources::set_packs_dir("/nonexistent/golive-packs"), std::invalid_argument);
  REQUIRE(resources::packs_dir().empty());
}
