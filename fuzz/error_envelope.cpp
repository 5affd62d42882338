// Fuzz target: every built-in pack's error-envelope and list parsing (checks/api/api_http.cpp:
// read_error, describe_status, list_items, code_meaning). The first byte B picks the status
// (B < 100: 200 + B, else 300 + B: 2xx, 4xx and 5xx all occur); the rest is the response body.
#include <cstddef>
#include <cstdint>
#include <string>

#include "checks/api/api_http.hpp"
#include "engine/packs.hpp"
#include "net/json_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace golive;
  net::Response r;
  r.status = size == 0 ? 400 : data[0] < 100 ? 200 + data[0] : 300 + data[0];
  if (size > 0) r.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  r.headers.set("content-type", "application/json");
  for (const auto& name : pack_names()) {
    const auto& pack = provider_pack(name);
    const auto envelope = checks::api::read_error(pack, r);
    (void)checks::api::code_meaning(pack, envelope.code);
    (void)checks::api::describe_status(pack, r);
  }
  const auto parsed = net::parse_json_body(r);
  if (parsed.value) (void)checks::api::list_items(*parsed.value);
  return 0;
}
