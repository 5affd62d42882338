// Fuzz target: the client-audit recording reader (src/audit/recording) and every grade that
// `check --audit FILE` runs on what it read. A malformed recording must be a runtime_error
// naming the line; a well-formed but odd one must grade without crashing.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "audit/grader.hpp"
#include "audit/recording.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace golive::audit;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  Recording rec;
  try {
    rec = parse_recording(in);
  } catch (const std::runtime_error&) {
    return 0;
  }
  // A client log named by the recording is read from disk: never read arbitrary paths here.
  rec.header.client_log.clear();
  for (const auto& id : grade_ids()) (void)grade(id, rec);
  return 0;
}
