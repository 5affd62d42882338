/// Build tool: `golive_compile_yaml IN.yaml OUT.json` writes the documents of IN as a JSON array
/// (core/yaml_json.hpp) for embedding next to IN's text (cmake/GoliveResources.cmake). IN is read
/// with the tool's own bounds (core/yaml_load.hpp), so built-in data that the tool would refuse
/// fails the build at FILE:LINE:COL. Exit 0, or 1 with the reason on stderr.
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include "core/diagnostic.hpp"
#include "core/file.hpp"
#include "core/yaml_json.hpp"
#include "core/yaml_load.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: golive_compile_yaml IN.yaml OUT.json\n");
    return 1;
  }
  const std::string in = argv[1];
  const std::string out = argv[2];
  try {
    const golive::FileText file = golive::read_regular_file(in, golive::k_max_config_bytes);
    if (!file.ok()) throw std::runtime_error(in + ": " + file.error);
    nlohmann::ordered_json docs = nlohmann::ordered_json::array();
    for (const auto& doc : golive::load_yaml_documents(*file.text, in)) {
      docs.push_back(golive::yaml_to_json(doc));
    }
    std::ofstream o(out, std::ios::binary | std::ios::trunc);
    o << docs.dump();
    if (!o.flush()) throw std::runtime_error(out + ": cannot write");
    return 0;
  } catch (const golive::ConfigError& e) {
    for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.str().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", in.c_str(), e.what());
  }
  return 1;
}
