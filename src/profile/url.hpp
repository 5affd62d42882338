#pragma once
/// A small, strict parser for the absolute http(s) URLs a profile names (base_url, webhook.url).
#include <optional>
#include <string>
#include <string_view>

namespace golive::profile {

/// The parts of `scheme://[userinfo@]host[:port][/path][?query][#fragment]`.
struct ParsedUrl {
  std::string scheme;    ///< lower-cased: "http" or "https"
  std::string userinfo;  ///< "user:password" when present (profiles refuse it)
  std::string host;      ///< lower-cased; IPv6 literals keep their brackets
  int port = 0;          ///< as written, or 0 when absent
  std::string path;      ///< "" or starting with '/'
  std::string query;     ///< without the '?'
  std::string fragment;  ///< without the '#'
  bool has_query = false;
  bool has_fragment = false;
};

/// Parses `text` as an absolute http or https URL. On failure returns nullopt and sets `error`
/// to a reason that never repeats the URL (it may hold credentials), e.g. "it has no host".
std::optional<ParsedUrl> parse_url(std::string_view text, std::string& error);

}  // namespace golive::profile
