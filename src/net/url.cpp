#include "net/url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <locale.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace golive::net {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

std::optional<std::string> part(CURLU* u, CURLUPart which, unsigned flags = 0) {
  char* out = nullptr;
  const CURLUcode rc = curl_url_get(u, which, &out, flags);
  // libcurl 7.88 can hand back a string together with an error (a failed IDNA conversion).
  std::unique_ptr<char, decltype(&curl_free)> owned(out, &curl_free);
  if (rc != CURLUE_OK || !out) return std::nullopt;
  return std::string(out);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// The host in ASCII: libcurl's IDNA conversion (CURLU_PUNYCODE, libidn2) reads the name in the
/// calling thread's locale, so it runs under C.UTF-8 for every caller (the tool never calls
/// setlocale). Without that locale, non-ASCII names fail to convert (and are refused).
std::optional<std::string> ascii_host(CURLU* u) {
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  const locale_t previous = utf8 ? uselocale(utf8) : static_cast<locale_t>(nullptr);
  auto host = part(u, CURLUPART_HOST, CURLU_PUNYCODE);
  if (utf8) uselocale(previous);
  return host;
}

/// The reason curl_url_set refused a URL, in the words a profile error uses.
std::string set_error(CURLUcode rc) {
  switch (rc) {
    case CURLUE_NO_HOST:
      return "it has no host";
    case CURLUE_BAD_PORT_NUMBER:
      return "its port is not a number from 1 to 65535";
    case CURLUE_BAD_HOSTNAME:
    case CURLUE_BAD_IPV6:
      return "its host is not a valid host name or IP address";
    default:
      return std::string("it is not a valid absolute URL (") + curl_url_strerror(rc) + ")";
  }
}

std::string bracketed(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

/// Fills canonical_host and host_kind from libcurl's ASCII host `h` (lower case, brackets kept).
/// Only what libcurl itself treats as an address is an IP literal: "127.0.0.1." is a name.
bool classify(const std::string& h, Url& url) {
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') {
    in6_addr v6{};
    char text[INET6_ADDRSTRLEN] = {};
    if (inet_pton(AF_INET6, h.substr(1, h.size() - 2).c_str(), &v6) != 1 ||
        inet_ntop(AF_INET6, &v6, text, sizeof text) == nullptr) {
      return false;
    }
    url.canonical_host = text;
    url.host_kind = is_loopback_host(text) ? HostKind::loopback : HostKind::ip_literal;
    return true;
  }
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) {
    url.canonical_host = h;
    url.host_kind = is_loopback_host(h) ? HostKind::loopback : HostKind::ip_literal;
    return true;
  }
  url.canonical_host = h;
  if (!h.empty() && h.back() == '.') url.canonical_host.pop_back();
  url.host_kind = h == "localhost" ? HostKind::loopback : HostKind::name;
  return !url.canonical_host.empty();
}

}  // namespace

std::string_view to_string(HostKind k) {
  switch (k) {
    case HostKind::loopback:
      return "loopback";
    case HostKind::ip_literal:
      return "IP literal";
    case HostKind::name:
      return "host name";
  }
  return "host name";
}

std::string Url::authority() const {
  return bracketed(host) + ":" + std::to_string(port);
}

bool Url::default_port() const {
  return port == (scheme == "https" ? 443 : 80);
}

std::string Url::canonical_authority() const {
  return bracketed(canonical_host) + (default_port() ? "" : ":" + std::to_string(port));
}

UrlParse parse_url(std::string_view text) {
  UrlParse out;
  if (text.find_first_of(" \t\r\n") != std::string_view::npos) {
    out.error = "it contains whitespace";
    return out;
  }
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!u) {
    out.error = "out of memory";
    return out;
  }
  const size_t sep = text.find("://");
  if (sep == std::string_view::npos || sep == 0) {
    out.error = "it is not an absolute URL (expected https://host/...)";
    return out;
  }
  const std::string scheme = lower(std::string(text.substr(0, sep)));
  if (scheme != "http" && scheme != "https") {
    out.error = "its scheme must be http or https";
    return out;
  }
  // libcurl 7.88 reads "https:///v1" as host "v1"; an authority must be written.
  if (text.size() == sep + 3 || text[sep + 3] == '/') {
    out.error = "it has no host";
    return out;
  }
  std::string s(text);
  CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0);
  if (rc != CURLUE_OK) {
    out.error = set_error(rc);
    return out;
  }
  Url url;
  url.scheme = lower(part(u.get(), CURLUPART_SCHEME).value_or(""));
  if (url.scheme != "http" && url.scheme != "https") {
    out.error = "its scheme must be http or https";
    return out;
  }
  url.host = lower(part(u.get(), CURLUPART_HOST).value_or(""));
  if (url.host.size() > 2 && url.host.front() == '[' && url.host.back() == ']') {
    url.host = url.host.substr(1, url.host.size() - 2);
  }
  if (url.host.empty()) {
    out.error = "it has no host";
    return out;
  }
  auto ascii = ascii_host(u.get());
  if (!ascii) {
    out.error = "its host name cannot be converted to ASCII (IDNA)";
    return out;
  }
  if (!classify(lower(*ascii), url)) {
    out.error = "it has no valid host";
    return out;
  }
  auto explicit_port = part(u.get(), CURLUPART_PORT);
  url.explicit_port = explicit_port.has_value();
  auto port = part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  url.port = port ? std::stoi(*port) : 0;
  if (url.port < 1 || url.port > 65535) {
    out.error = "its port is not a number from 1 to 65535";
    return out;
  }
  url.path = part(u.get(), CURLUPART_PATH).value_or("/");
  url.has_userinfo =
      part(u.get(), CURLUPART_USER).has_value() || part(u.get(), CURLUPART_PASSWORD).has_value();
  url.has_query = part(u.get(), CURLUPART_QUERY).has_value();
  url.has_fragment = part(u.get(), CURLUPART_FRAGMENT).has_value();
  out.url = std::move(url);
  return out;
}

std::optional<std::string> canonical_host(std::string_view host) {
  if (host.empty() || host.find_first_of("/?#@\\ \t\r\n") != std::string_view::npos) {
    return std::nullopt;
  }
  std::string h(host);
  if (h.find(':') != std::string::npos && h.front() != '[') h = "[" + h + "]";
  auto parsed = parse_url("http://" + h + "/");
  if (!parsed.ok() || parsed.url->explicit_port) return std::nullopt;
  return parsed.url->canonical_host;
}

bool is_loopback_host(std::string_view host) {
  std::string h = lower(std::string(host));
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  if (!h.empty() && h.back() == '.') h.pop_back();
  if (h == "localhost") return true;
  // Only literal addresses count: a name such as "127.0.0.1.example.com" would go to DNS.
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6) != 1) return false;
  if (std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0) return true;
  static constexpr unsigned char kV4Mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(v6.s6_addr, kV4Mapped, sizeof kV4Mapped) == 0 && v6.s6_addr[12] == 127;
}

}  // namespace golive::net
