#include "profile/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace golive::profile {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool host_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '.' || c == '_';
}

bool valid_host(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return false;
    return std::all_of(host.begin() + 1, host.end() - 1, [](char c) {
      return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
    });
  }
  return std::all_of(host.begin(), host.end(), host_char) && host.front() != '.' &&
         host.front() != '-';
}

}  // namespace

std::optional<ParsedUrl> parse_url(std::string_view text, std::string& error) {
  ParsedUrl url;
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; })) {
    error = "it contains whitespace";
    return std::nullopt;
  }
  size_t colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0) {
    error = "it is not an absolute URL (expected https://host/...)";
    return std::nullopt;
  }
  url.scheme = lower(text.substr(0, colon));
  if (url.scheme != "http" && url.scheme != "https") {
    error = "scheme '" + url.scheme + "' is not http or https";
    return std::nullopt;
  }
  std::string_view rest = text.substr(colon + 3);
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) {
    url.fragment = rest.substr(hash + 1);
    url.has_fragment = true;
    rest = rest.substr(0, hash);
  }
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    url.query = rest.substr(q + 1);
    url.has_query = true;
    rest = rest.substr(0, q);
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) url.path = rest.substr(slash);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    url.userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  std::string_view host = authority;
  size_t port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos &&
      authority.find(']', port_colon) == std::string_view::npos) {
    host = authority.substr(0, port_colon);
    std::string_view port = authority.substr(port_colon + 1);
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), url.port);
    if (port.empty() || ec != std::errc{} || ptr != port.data() + port.size() || url.port < 1 ||
        url.port > 65535) {
      error = "its port is not a number from 1 to 65535";
      return std::nullopt;
    }
  }
  if (host.empty()) {
    error = "it has no host";
    return std::nullopt;
  }
  if (!valid_host(host)) {
    error = "its host is not a valid host name or IP address";
    return std::nullopt;
  }
  url.host = lower(host);
  return url;
}

}  // namespace golive::profile
