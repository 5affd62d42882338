#pragma once
/// Reading a response body as JSON with a one-line reason when that is not possible.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "net/http.hpp"

namespace golive::net {

/// A response body parsed as JSON, or why not.
struct JsonBody {
  std::optional<nlohmann::json> value;  ///< set on success
  std::string problem;                  ///< one line, redacted, when `value` is empty
};

/// Parses `response.body` as JSON. Refuses a truncated body (cut at the size cap) and an empty one;
/// otherwise a parse failure reads like: response body is not JSON (status 502, content-type
/// text/html, 13 bytes, error at byte 1): "<html>Bad gateway</html>". The excerpt is at most 60
/// printable characters and passed through golive::redact(). Never throws: a number the parser
/// cannot hold (1e999) is a problem like any other.
JsonBody parse_json_body(const Response& response);

}  // namespace golive::net
