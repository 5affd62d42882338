#include "checks/base-url/sanity.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "net/url.hpp"

namespace golive::checks {

namespace {
std::string join(const std::vector<std::string>& v) {
  return fmt::format("{}", fmt::join(v, ", "));
}
}  // namespace

CheckInfo BaseUrlSanity::describe() {
  CheckInfo i;
  i.id = "base-url.sanity";
  i.title = "Base URL points at the right environment";
  i.checklist_items = {"cutover.base-url"};
  i.side_effect = SideEffect::static_only;
  i.what =
      "The base URL uses https, names a documented host of the profile's environment kind "
      "(legacy aliases warn), starts with the provider's path prefix and carries no "
      "userinfo, query or fragment.";
  i.why =
      "Cut-over is 'switch base URL and credentials'; a sandbox host left in a production "
      "profile, or a typo'd host, silently sends production traffic to the wrong place.";
  i.how_to_fix = "Set base_url to the provider's documented URL for this environment.";
  i.doc = "checks/base-url/sanity.md";
  return i;
}

BaseUrlSanity::BaseUrlSanity(CheckOptions&) {}

CheckResult BaseUrlSanity::run(CheckContext& ctx) {
  CheckResult r;
  const auto& prof = ctx.profile();
  const auto kind = prof.kind;
  Evidence e;
  e.label = "base_url";
  if (prof.embedded()) {
    r.status = Status::pass;
    r.summary = "embedded emulator on loopback (" + net::redact_url(ctx.target.base_url) + ")";
    e.expected = "a documented host, or embedded";
    e.observed = "embedded";
    r.evidence.push_back(e);
    return r;
  }
  auto parsed = net::parse_url(prof.base_url);
  if (!parsed.ok()) {
    r.status = Status::fail;
    r.summary = "base_url is not a valid URL: " + parsed.error;
    r.fix = "set base_url to an absolute https URL";
    return r;
  }
  const auto& u = *parsed.url;
  std::vector<std::string> fails, warns;
  bool loopback = net::is_loopback_host(u.host);
  if (u.scheme != "https" && !(loopback && kind == EnvKind::sandbox)) {
    fails.push_back("scheme is " + u.scheme + ", not https");
  }
  if (u.has_userinfo) fails.push_back("the URL carries userinfo (user:password@)");
  if (u.has_query) fails.push_back("the URL has a query string");
  if (u.has_fragment) fails.push_back("the URL has a fragment");
  const auto& prefix = ctx.provider.path_prefix;
  if (!prefix.empty() && u.path != prefix && u.path.rfind(prefix + "/", 0) != 0) {
    fails.push_back(fmt::format("path '{}' does not start with {}", u.path, prefix));
  }
  const PackHost* host = ctx.provider.find_host(u.host);
  std::vector<std::string> expected_hosts;
  for (const auto& h : ctx.provider.hosts) {
    if (!h.legacy && std::find(h.modes.begin(), h.modes.end(), kind) != h.modes.end()) {
      expected_hosts.push_back(h.host);
    }
  }
  const bool serves_kind = host != nullptr && std::find(host->modes.begin(), host->modes.end(),
                                                        kind) != host->modes.end();
  if (host != nullptr && !serves_kind) {
    const EnvKind other = kind == EnvKind::production ? EnvKind::sandbox : EnvKind::production;
    fails.push_back(fmt::format("{} is a {} host but this profile is {}", u.host, to_string(other),
                                to_string(kind)));
  } else if (host != nullptr && host->legacy) {
    warns.push_back(
        fmt::format("{} is a legacy alias; the current host is {}", u.host, join(expected_hosts)));
  } else if (host == nullptr && loopback && kind == EnvKind::sandbox) {
    warns.push_back(u.host + " is a loopback host (a local emulator or proxy)");
  } else if (host == nullptr) {
    std::string msg = fmt::format("{} is not a documented {} host of {}", u.host, to_string(kind),
                                  ctx.provider.display_name);
    (kind == EnvKind::production ? fails : warns).push_back(msg);
  }
  e.expected = fmt::format("https://{}{}", join(expected_hosts), prefix);
  e.observed = net::redact_url(prof.base_url);
  r.evidence.push_back(e);
  if (!fails.empty()) {
    r.status = Status::fail;
    r.summary = join(fails);
    r.fix = fmt::format("set base_url to https://{}{} for a {} profile", join(expected_hosts),
                        prefix, to_string(kind));
  } else if (!warns.empty()) {
    r.status = Status::warn;
    r.summary = join(warns);
    r.fix = fmt::format("prefer https://{}{}", join(expected_hosts), prefix);
  } else {
    r.status = Status::pass;
    r.summary = fmt::format("{} is the documented {} host", u.host, to_string(kind));
  }
  return r;
}

}  // namespace golive::checks
