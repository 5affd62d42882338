#pragma once
/// The one URL parser of the tool, built on libcurl's URL API (CURLU). Profiles, checks and the
/// send policy all use it, so "what is the host" has a single answer.
#include <optional>
#include <string>
#include <string_view>

namespace golive::net {

/// Parts of an absolute URL. Host is lower-cased, IPv6 literals without brackets.
struct Url {
  std::string scheme;  ///< lower-case
  std::string host;
  int port = 0;  ///< explicit port or the scheme default
  bool explicit_port = false;
  std::string path;  ///< "/" when absent
  bool has_userinfo = false;
  bool has_query = false;
  bool has_fragment = false;
  /// "host:port" (IPv6 in brackets), for messages.
  std::string authority() const;
};

/// The outcome of parse_url: `url` or a one-line `error` that never repeats the input.
struct UrlParse {
  std::optional<Url> url;
  std::string error;
  bool ok() const { return url.has_value(); }
};

/// Parses an absolute http(s) URL. Other schemes, a missing host or malformed input fail.
UrlParse parse_url(std::string_view text);

/// True for "localhost", literal 127.0.0.0/8, ::1 and ::ffff:127.x.y.z (brackets and a trailing
/// dot allowed). No name is ever resolved, so any other name is not loopback.
bool is_loopback_host(std::string_view host);

}  // namespace golive::net
