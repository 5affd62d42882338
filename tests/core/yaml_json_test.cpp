// core/yaml_json: the built-in YAML compiled to JSON at build time reads back as the same tree.
#include <catch2/catch.hpp>

#include "core/yaml_json.hpp"
#include "core/yaml_load.hpp"
#include "support/yaml_tree.hpp"

using golive::yaml_documents_from_json;
using golive::yaml_from_json;
using golive::yaml_to_json;
using golive::testing::tree_difference;

namespace {

/// `text`'s first document through JSON and back.
YAML::Node round_trip(const std::string& text) {
  return yaml_from_json(yaml_to_json(YAML::Load(text)));
}

}  // namespace

TEST_CASE("core.yaml_json: a tree survives JSON with its scalars' text and its key order",
          "[core][yaml]") {
  const std::string text =
      "zeta: 1\nalpha: {on: on, t: true, n: 10, f: 1.50, q: \"quoted: yes\"}\n"
      "list: [a, [b, c], {k: v}]\nempty:\nnull_word: null\nblank: ''\n";
  const YAML::Node back = round_trip(text);
  CHECK(tree_difference(YAML::Load(text), back).empty());
  CHECK(back.begin()->first.Scalar() == "zeta");
  CHECK(back["alpha"]["f"].Scalar() == "1.50");
  CHECK(back["alpha"]["t"].as<bool>());
  CHECK(back["alpha"]["n"].as<int>() == 10);
  CHECK(back["empty"].IsNull());
  CHECK(back["null_word"].IsNull());
  CHECK(back["blank"].IsScalar());
  CHECK(back["blank"].Scalar().empty());
  CHECK(back["list"][1][1].Scalar() == "c");
  CHECK(back.Mark().is_null());
}

TEST_CASE("core.yaml_json: aliases are expanded into copies", "[core][yaml]") {
  const YAML::Node back = round_trip("a: &x {k: v}\nb: *x\n");
  CHECK(back["b"]["k"].Scalar() == "v");
  CHECK(yaml_to_json(back).dump() == R"({"a":{"k":"v"},"b":{"k":"v"}})");
}

TEST_CASE("core.yaml_json: a repeated key or a collection as a key cannot be compiled",
          "[core][yaml]") {
  CHECK_THROWS_WITH(yaml_to_json(YAML::Load("k: 1\nk: 2\n")),
                    "the key 'k' appears twice in one mapping");
  CHECK_THROWS_WITH(yaml_to_json(YAML::Load("? [a, b]\n: 1\n")), "a mapping key is not a scalar");
}

TEST_CASE("core.yaml_json: compiled documents are a JSON array, one entry per document",
          "[core][yaml]") {
  const auto docs = yaml_documents_from_json(R"([{"a":"1"},null,["x"]])");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0]["a"].Scalar() == "1");
  CHECK(docs[1].IsNull());
  CHECK(docs[2][0].Scalar() == "x");
  CHECK_THROWS_AS(yaml_documents_from_json(R"({"a":"1"})"), nlohmann::json::exception);
  CHECK_THROWS_AS(yaml_documents_from_json("[{"), nlohmann::json::exception);
}
