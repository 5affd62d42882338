#include "net/request_target.hpp"

#include <curl/curl.h>

#include <memory>

#include "net/url.hpp"

namespace golive::net {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

TargetUrl refused(std::string why) {
  return TargetUrl{"", std::move(why)};
}

/// Why `target` is not a plain origin-form target, or "".
std::string not_origin_form(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return "the request target does not start with '/' (only origin-form targets are forwarded)";
  }
  if (target.size() > 1 && target[1] == '/') return "the request target starts with '//'";
  for (const char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return "the request target holds whitespace or a control character";
    if (c == '#') return "the request target holds a fragment ('#')";
    if (c == '\\') return "the request target holds a backslash";
  }
  return "";
}

}  // namespace

TargetUrl url_for_target(std::string_view base_url, std::string_view target) {
  if (auto why = not_origin_form(target); !why.empty()) return refused(why);
  const auto base = parse_url(base_url);
  if (!base.ok()) return refused("the upstream base URL is invalid: " + base.error);
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!u) return refused("out of memory");
  const std::string base_text(base_url);
  const auto q = target.find('?');
  const std::string path(target.substr(0, q));
  const std::string query = q == std::string_view::npos ? "" : std::string(target.substr(q + 1));
  if (curl_url_set(u.get(), CURLUPART_URL, base_text.c_str(), 0) != CURLUE_OK ||
      curl_url_set(u.get(), CURLUPART_PATH, path.c_str(), 0) != CURLUE_OK ||
      curl_url_set(u.get(), CURLUPART_QUERY, query.empty() ? nullptr : query.c_str(), 0) !=
          CURLUE_OK ||
      curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0) != CURLUE_OK) {
    return refused("the request target is not a valid URL path and query");
  }
  char* built = nullptr;
  if (curl_url_get(u.get(), CURLUPART_URL, &built, 0) != CURLUE_OK || built == nullptr) {
    return refused("the request target is not a valid URL path and query");
  }
  TargetUrl out{built, ""};
  curl_free(built);
  // Defence in depth: whatever the target held, the URL must stay on the upstream's origin.
  const auto got = parse_url(out.url);
  if (!got.ok() || got.url->scheme != base.url->scheme || got.url->host != base.url->host ||
      got.url->port != base.url->port || got.url->has_userinfo) {
    return refused("the forwarded URL would leave the upstream " + base.url->scheme + "://" +
                   base.url->authority());
  }
  return out;
}

}  // namespace golive::net
