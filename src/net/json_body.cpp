#include "net/json_body.hpp"

#include <fmt/format.h>

namespace golive::net {
namespace {

/// The first `max` bytes of `text` on one line, redacted before cutting so a secret that straddles
/// the cut cannot leak in part; control characters become spaces.
std::string excerpt(const std::string& text, size_t max) {
  std::string out = golive::redacted_excerpt(text, max);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

}  // namespace

JsonBody parse_json_body(const Response& response) {
  const std::string type = response.headers.get("content-type").value_or("none");
  const auto context = fmt::format("status {}, content-type {}, {} bytes", response.status,
                                   excerpt(type, 60), response.body.size());
  JsonBody out;
  if (response.truncated) {
    out.problem = fmt::format(
        "response body exceeded the size cap and was cut at {} bytes; not "
        "parsed as JSON (status {})",
        response.body.size(), response.status);
  } else if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    out.problem = fmt::format("response body is empty, expected JSON ({})", context);
  } else {
    try {
      out.value = nlohmann::json::parse(response.body);
      return out;
    } catch (const nlohmann::json::parse_error& e) {
      out.problem = fmt::format("response body is not JSON ({}, error at byte {}): \"{}\"", context,
                                e.byte, excerpt(response.body, 60));
    } catch (const nlohmann::json::exception&) {
      // The parser throws out_of_range, not parse_error, for a number such as 1e999.
      out.problem = fmt::format(
          "response body is not JSON that can be read ({}, a number out of "
          "range): \"{}\"",
          context, excerpt(response.body, 60));
    }
  }
  out.problem = golive::redact(out.problem);
  return out;
}

}  // namespace golive::net
