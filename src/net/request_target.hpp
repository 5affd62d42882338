#pragma once
/// Where a request target received by a forwarding proxy goes: the audit proxy (SPEC §7) must
/// never be talked into sending a client's request, and its credentials, to another host.
#include <string>
#include <string_view>

namespace golive::net {

/// The outcome of url_for_target: an absolute `url`, or a one-line `error` that never repeats
/// the target (it may hold anything a client sent).
struct TargetUrl {
  std::string url;
  std::string error;
  bool ok() const { return error.empty(); }
};

/// The upstream URL of `target`, an origin-form request target (RFC 9112 §3.2.1: "/path" with an
/// optional "?query"), on the scheme, host and port of `base_url`. The URL is built with libcurl's
/// CURLU (the target's path and query set as parts of the base URL, never concatenated to it),
/// then parsed again: it must have the base's scheme, host and port and no userinfo.
/// Refused: a target that does not start with "/" (absolute-form "http://h/x", "@h/x",
/// authority-form "h:443", "*"), one that starts with "//" (a network-path reference to many
/// parsers), and one holding a fragment, a backslash, whitespace or a control character.
TargetUrl url_for_target(std::string_view base_url, std::string_view target);

}  // namespace golive::net
