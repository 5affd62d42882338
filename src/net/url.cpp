#include "net/url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

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
  if (curl_url_get(u, which, &out, flags) != CURLUE_OK || !out) return std::nullopt;
  std::string s(out);
  curl_free(out);
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::string Url::authority() const {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
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
  std::string s(text);
  CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0);
  if (rc != CURLUE_OK) {
    out.error = std::string("it is not a valid absolute URL (") + curl_url_strerror(rc) + ")";
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
  auto explicit_port = part(u.get(), CURLUPART_PORT);
  url.explicit_port = explicit_port.has_value();
  auto port = part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  url.port = port ? std::stoi(*port) : 0;
  url.path = part(u.get(), CURLUPART_PATH).value_or("/");
  url.has_userinfo =
      part(u.get(), CURLUPART_USER).has_value() || part(u.get(), CURLUPART_PASSWORD).has_value();
  url.has_query = part(u.get(), CURLUPART_QUERY).has_value();
  url.has_fragment = part(u.get(), CURLUPART_FRAGMENT).has_value();
  out.url = std::move(url);
  return out;
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
