#include "net/url_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace golive::net {
namespace {

bool has_line_break(std::string_view s) {
  static constexpr std::string_view kBreaks("\r\n\0", 3);
  return s.find_first_of(kBreaks) != std::string_view::npos;
}

}  // namespace

bool carries_credentials(const Request& request, const Url& target) {
  return request.auth.has_value() || request.headers.get("authorization").has_value() ||
         target.has_userinfo;
}

std::optional<std::string> check_send_policy(const Request& request, const Url& target) {
  if (target.scheme != "http" && target.scheme != "https") {
    return fmt::format("refusing to send: unsupported scheme '{}' (only http and https)",
                       target.scheme);
  }
  const bool loopback = is_loopback_host(target.host);
  if (request.insecure && !loopback) {
    return fmt::format(
        "refusing to send: TLS verification can only be disabled for loopback hosts, not {}",
        target.host);
  }
  if (target.scheme == "http" && !loopback && carries_credentials(request, target)) {
    return fmt::format("refusing to send credentials over plain http to non-loopback host {}",
                       target.host);
  }
  for (const auto& [name, value] : request.headers.all()) {
    if (name.empty() || name.find(':') != std::string::npos || has_line_break(name) ||
        has_line_break(value)) {
      return fmt::format("refusing to send: header '{}' has an invalid name or a line break",
                         golive::redact(name));
    }
  }
  const bool token = std::all_of(request.method.begin(), request.method.end(),
                                 [](unsigned char c) { return std::isalpha(c) != 0; });
  if (!token || request.method.empty()) {
    return std::string("refusing to send: invalid HTTP method");
  }
  return std::nullopt;
}

std::variant<Url, std::string> vet_request(const Request& request) {
  UrlParse parsed = parse_url(request.url);
  if (!parsed.ok()) {
    return fmt::format("refusing to send to {}: {}", redact_url(request.url), parsed.error);
  }
  if (auto why = check_send_policy(request, *parsed.url)) return *why;
  return std::move(*parsed.url);
}

}  // namespace golive::net
