#pragma once
/// The send policy of SPEC §5, as pure functions: when the client must refuse a request before
/// anything leaves the machine (no DNS lookup, no connection).
#include <optional>
#include <string>
#include <variant>

#include "net/http.hpp"
#include "net/url.hpp"

namespace golive::net {

/// True when `request` carries credentials: BasicAuth, an Authorization header, or userinfo in the
/// URL (`target.has_userinfo`).
bool carries_credentials(const Request& request, const Url& target);

/// The reason to refuse `request` to `target`, or nullopt when it may be sent. Refused: a scheme
/// other than http/https; `insecure` towards a non-loopback host; credentials over plain http to a
/// non-loopback host; a header name or value containing CR, LF or NUL (header injection); a method
/// that is not a plain token.
std::optional<std::string> check_send_policy(const Request& request, const Url& target);

/// Parses `url` and applies check_send_policy. Returns the Url, or the one-line reason to refuse
/// (a URL that does not parse is refused too).
std::variant<Url, std::string> vet_request(const Request& request);

}  // namespace golive::net
