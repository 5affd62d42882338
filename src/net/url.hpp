#pragma once
/// The one URL parser of the tool, built on libcurl's URL API (CURLU). Profiles, checks and the
/// send policy all use it, so "what is the host" has a single answer.
#include <optional>
#include <string>
#include <string_view>

namespace golive::net {

/// What a URL's host is, after normalisation (SPEC §5).
enum class HostKind {
  loopback,    ///< "localhost", 127.0.0.0/8, ::1 or ::ffff:127.x.y.z
  ip_literal,  ///< any other IPv4 address (every spelling libcurl accepts) or IPv6 address
  name,        ///< a DNS name (also "localhost." and other names ending in a dot)
};
/// Stable lower-case name of `k` ("loopback", "IP literal", "host name"), for messages.
std::string_view to_string(HostKind k);

/// Parts of an absolute URL. Host is lower-cased, IPv6 literals without brackets.
struct Url {
  std::string scheme;  ///< lower-case
  std::string host;    ///< as libcurl parsed it, lower-cased, brackets removed
  int port = 0;        ///< explicit port or the scheme default
  bool explicit_port = false;
  std::string path;  ///< "/" when absent
  bool has_userinfo = false;
  bool has_query = false;
  bool has_fragment = false;
  /// The one comparable spelling of the host (SPEC §5), the one libcurl resolves: IDNA to ASCII
  /// (punycode), lower case, one trailing dot removed, IPv4 as a dotted quad (libcurl rewrites
  /// 0x7f.1, 2130706433, 0177.0.0.1 ...), IPv6 in its shortest form, without brackets or zone.
  std::string canonical_host;
  HostKind host_kind = HostKind::name;
  /// "host:port" (IPv6 in brackets), for messages.
  std::string authority() const;
  /// True when `port` is the scheme's default (443 for https, 80 for http), written or not.
  bool default_port() const;
  /// canonical_host, with ":port" unless the port is the default (IPv6 in brackets): the form
  /// the safety rules compare and name in messages, e.g. "api.bluumfinance.com".
  std::string canonical_authority() const;
};

/// The outcome of parse_url: `url` or a one-line `error` that never repeats the input.
struct UrlParse {
  std::optional<Url> url;
  std::string error;
  bool ok() const { return url.has_value(); }
};

/// Parses an absolute http(s) URL with libcurl's CURLU. Other schemes, a missing host, malformed
/// input and a host name that IDNA cannot convert to ASCII fail. IDNA conversion runs in the
/// C.UTF-8 locale whatever the process locale, so the result does not depend on LANG.
UrlParse parse_url(std::string_view text);

/// The canonical spelling (see Url::canonical_host) of a bare host name or IP address, as a
/// provider pack lists it; nullopt when it is not a plain host (empty, or holding any of
/// "/?#@\\", whitespace) or does not parse.
std::optional<std::string> canonical_host(std::string_view host);

/// True for "localhost", literal 127.0.0.0/8, ::1 and ::ffff:127.x.y.z (brackets and a trailing
/// dot allowed). No name is ever resolved, so any other name is not loopback. Lenient on
/// purpose (send policy, proxy bypass); the safety rules use the stricter Url::host_kind.
bool is_loopback_host(std::string_view host);

}  // namespace golive::net
