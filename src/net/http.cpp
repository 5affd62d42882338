#include "net/http.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace golive::net {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// Query keys whose values are masked by redact_url: anything that looks like a credential.
bool sensitive_key(std::string_view key) {
  static constexpr std::array<std::string_view, 11> kNeedles = {
      "key", "secret",     "token",   "password", "passwd",   "pwd",
      "sig", "credential", "session", "auth",     "signature"};
  const std::string k = lower(key);
  return std::any_of(kNeedles.begin(), kNeedles.end(),
                     [&](std::string_view n) { return k.find(n) != std::string::npos; });
}

/// `query` ("a=1&b=2") with the values of sensitive keys replaced by "***".
std::string mask_query(std::string_view query) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(start, end - start);
    const size_t eq = pair.find('=');
    if (start > 0) out += '&';
    if (eq != std::string_view::npos && sensitive_key(pair.substr(0, eq))) {
      out.append(pair.substr(0, eq + 1)).append("***");
    } else {
      out.append(pair);
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

void Headers::set(const std::string& name, std::string value) {
  const std::string key = lower(name);
  map_.erase(key);
  map_.emplace(key, std::move(value));
}

void Headers::add(const std::string& name, std::string value) {
  map_.emplace(lower(name), std::move(value));
}

std::optional<std::string> Headers::get(const std::string& name) const {
  const auto it = map_.find(lower(name));
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Headers::get_all(const std::string& name) const {
  std::vector<std::string> out;
  const auto [first, last] = map_.equal_range(lower(name));
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

void Headers::remove(const std::string& name) {
  map_.erase(lower(name));
}

std::string_view to_string(TransportErrorKind k) {
  switch (k) {
    case TransportErrorKind::timeout:
      return "timeout";
    case TransportErrorKind::connect:
      return "connect";
    case TransportErrorKind::dns:
      return "dns";
    case TransportErrorKind::tls:
      return "tls";
    case TransportErrorKind::protocol:
      return "protocol";
    case TransportErrorKind::too_large:
      return "too_large";
    case TransportErrorKind::policy:
      return "policy";
    case TransportErrorKind::other:
      return "other";
  }
  return "other";
}

bool is_inconclusive(TransportErrorKind k) {
  switch (k) {
    case TransportErrorKind::timeout:
    case TransportErrorKind::connect:
    case TransportErrorKind::dns:
    case TransportErrorKind::other:
      return true;
    case TransportErrorKind::tls:
    case TransportErrorKind::protocol:
    case TransportErrorKind::too_large:
    case TransportErrorKind::policy:
      return false;
  }
  return true;
}

std::string redact_url(const std::string& url) {
  std::string_view rest(url);
  std::string out;
  // The fragment is never sent and may carry tokens (OAuth implicit flow): drop it.
  rest = rest.substr(0, rest.find('#'));
  const size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) {
    out.append(rest.substr(0, scheme_end + 3));
    rest.remove_prefix(scheme_end + 3);
    const size_t authority_end = std::min(rest.find_first_of("/?"), rest.size());
    std::string_view authority = rest.substr(0, authority_end);
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);
    out.append(authority);
    rest.remove_prefix(authority_end);
  }
  const size_t q = rest.find('?');
  out.append(rest.substr(0, q));
  if (q != std::string_view::npos) out.append("?").append(mask_query(rest.substr(q + 1)));
  return golive::redact(out);
}

}  // namespace golive::net
