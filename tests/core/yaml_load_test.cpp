// core/yaml_load: YAML is bounded by its expanded size before any walk (issue 10 §6).
#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "core/yaml_load.hpp"
#include "support/billion_laughs.hpp"

using golive::ConfigError;
using golive::load_yaml_documents;
using golive::testing::billion_laughs;

namespace {

/// The single diagnostic `text` is refused with.
std::string refusal(const std::string& text, std::size_t max_nodes = golive::k_max_yaml_nodes) {
  try {
    load_yaml_documents(text, "p.yaml", max_nodes);
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics()[0].str();
  }
  return "";
}

}  // namespace

TEST_CASE("core.yaml: nested aliases to mappings are refused at the alias past the bound",
          "[core][yaml]") {
  const auto text = billion_laughs("", 9);
  CHECK(text.size() < 900);
  CHECK(refusal(text) ==
        "p.yaml:6:28: with its aliases (*name) expanded, the YAML stands for more than 100000 "
        "nodes; repeat fewer nested anchors (&name)");
}

TEST_CASE("core.yaml: an alias inside the collection it names is refused as a cycle",
          "[core][yaml]") {
  CHECK(refusal("checks: &c\n  api.smoke: *c\n") ==
        "p.yaml:2:14: an alias refers to a mapping or sequence that contains it; such a cycle "
        "cannot be read");
  CHECK_THAT(refusal("- &s [1, *s]\n"), Catch::Contains("cycle"));
}

TEST_CASE("core.yaml: ordinary anchors and aliases still load", "[core][yaml]") {
  const auto docs = load_yaml_documents(
      billion_laughs("http: &h {timeout_s: 10}\nother: *h\nname: &n x\nagain: *n\n", 3), "p.yaml");
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["other"]["timeout_s"].as<int>() == 10);
  CHECK(docs[0]["again"].as<std::string>() == "x");
  CHECK(docs[0]["d"]["k9"]["k9"]["k9"]["k"].as<std::string>() == "v");
}

TEST_CASE("core.yaml: a document without aliases is bounded by its own size", "[core][yaml]") {
  CHECK(refusal("[1, 2, 3, 4, 5]\n", 4) == "p.yaml:1:11: the YAML has more than 4 nodes");
  CHECK(load_yaml_documents("[1, 2, 3]\n", "p.yaml", 4).size() == 1);
}

namespace {

/// Nodes of the tree under `n`, itself included.
std::size_t nodes(const YAML::Node& n) {
  std::size_t count = 1;
  if (n.IsSequence()) {
    for (const auto& item : n) count += nodes(item);
  } else if (n.IsMap()) {
    for (const auto& kv : n) count += nodes(kv.first) + nodes(kv.second);
  }
  return count;
}

}  // namespace

// The counting pass is skipped for alias-free text of at most max_nodes / 4 bytes
// (core/yaml_load.cpp): the densest documents must stay under four nodes a byte.
TEST_CASE("core.yaml: without aliases, the densest documents stay under four nodes a byte",
          "[core][yaml]") {
  for (const std::string text : {":", "? ", "a:", "- :", "[:]", "[:,:,:]", "{a,b,c}", "- - - -",
                                 "-\n-\n-\n", "? a:\n", "- {? }", "[{a}, {b}]"}) {
    INFO(text);
    std::size_t total = 0;
    for (const auto& doc : YAML::LoadAll(text)) total += nodes(doc);
    CHECK(total <= 4 * text.size() + 4);
    CHECK(load_yaml_documents(text, "p.yaml", 4 * text.size() + 4).size() == 1);
  }
  CHECK(refusal("[:,:,:]\n", 8) == "p.yaml:1:6: the YAML has more than 8 nodes");
}

TEST_CASE("core.yaml: YAML that does not parse is one located diagnostic", "[core][yaml]") {
  CHECK(refusal("a: 1\n\tb: 2\n") ==
        "p.yaml:2:1: invalid YAML: illegal tab when looking for "
        "indentation");
  CHECK_THAT(refusal("a: *missing\n"), Catch::StartsWith("p.yaml:1:4: invalid YAML: "));
}

TEST_CASE("core.yaml: load_yaml_file refuses a directory before reading", "[core][yaml]") {
  try {
    golive::load_yaml_file("/tmp", golive::k_max_config_bytes, "provider pack");
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(e.diagnostics()[0].str() == "/tmp: cannot read the provider pack: it is a directory");
  }
}
