// The data the tool carries (src/resources/): built in byte for byte, and overridden file by
// file by --packs-dir.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"
#include "engine/checklist.hpp"
#include "engine/provider.hpp"
#include "resources/resources.hpp"

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
    resources::set_packs_dir(path.string());
  }
  ~PacksDir() {
    resources::set_packs_dir("");
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

TEST_CASE(
    "resources: the built-ins carry the bluum pack, its checklist, the demo profile and "
    "the report schema",
    "[resources]") {
  for (const char* name : {"providers/bluum.yaml", "checklists/bluum.yaml", "profiles/demo.yaml",
                           "schemas/report.schema.json"}) {
    INFO(name);
    REQUIRE(resources::builtin(name).has_value());
  }
  REQUIRE(resources::list("providers/") == std::vector<std::string>{"providers/bluum.yaml"});
  REQUIRE_FALSE(resources::get("providers/nope.yaml").has_value());
  REQUIRE(provider_names() == std::vector<std::string>{"bluum"});
  REQUIRE_FALSE(load_provider("bluum").version.empty());
}

TEST_CASE("resources: a packs directory wins file by file, and what it lacks stays built in",
          "[resources]") {
  PacksDir dir;
  dir.write("checklists/bluum.yaml",
            "provider: bluum\ntitle: Pack under development\nsections: []\n");
  dir.write("providers/acme.yaml", "name: acme\nversion: 0.1.0\n");
  auto checklist = resources::get("checklists/bluum.yaml");
  REQUIRE(checklist.has_value());
  REQUIRE(checklist->origin == (dir.path / "checklists/bluum.yaml").string());
  REQUIRE(load_checklist("bluum").title == "Pack under development");
  REQUIRE(resources::get("providers/bluum.yaml")->origin == "built-in:providers/bluum.yaml");
  REQUIRE(resources::list("providers/") ==
          std::vector<std::string>{"providers/acme.yaml", "providers/bluum.yaml"});
  REQUIRE(load_provider("acme").version == "0.1.0");
}

TEST_CASE("resources: a broken pack in the packs directory is a ConfigError at its file",
          "[resources]") {
  PacksDir dir;
  dir.write("providers/bluum.yaml", "name: [unclosed\n");
  try {
    load_provider("bluum");
    FAIL("no ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE_THAT(e.diagnostics().front().str(),
                 Catch::StartsWith((dir.path / "providers/bluum.yaml").string() + ":"));
  }
  REQUIRE_THROWS_AS(load_provider("nope"), ConfigError);
}

TEST_CASE("resources: a packs directory that is not a directory is refused", "[resources]") {
  REQUIRE_THROWS_AS(resources::set_packs_dir("/nonexistent/golive-packs"), std::invalid_argument);
  REQUIRE(resources::packs_dir().empty());
}
