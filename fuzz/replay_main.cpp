// Replays fuzz corpora through a harness's LLVMFuzzerTestOneInput in the ordinary (GCC) build:
// `fuzz_replay_NAME DIR_OR_FILE...` runs every file (directories sorted, not recursive) and
// prints how many it ran. A crash fails the CTest case; a hang hits its timeout.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <vector>

#include "core/file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::directory_iterator(argv[i])) {
        if (e.is_regular_file()) inputs.push_back(e.path());
      }
    } else {
      inputs.emplace_back(argv[i]);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    std::cerr << "no corpus files given\n";
    return 2;
  }
  for (const auto& p : inputs) {
    const auto file = golive::read_regular_file(p.string(), 16 * 1024 * 1024);
    if (!file.ok()) {
      std::cerr << p.string() << ": " << file.error << '\n';
      return 2;
    }
    const auto& text = *file.text;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
  }
  std::cout << "replayed " << inputs.size() << " inputs\n";
  return 0;
}
