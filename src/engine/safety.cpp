#include "engine/safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/secret.hpp"
#include "crypto/digest.hpp"
#include "net/url.hpp"

namespace golive {

namespace {

/// The rule, as every write refusal states it.
std::string allowlist_rule(const ProviderPack& provider) {
  const auto hosts = provider.hosts_of(EnvKind::sandbox);
  return fmt::format(
      "a sandbox-write request may go only to a sandbox host of {} ({}) on its default port, or "
      "to loopback (SPEC §5 allowlist)",
      provider.display_name,
      hosts.empty() ? std::string("none listed") : fmt::format("{}", fmt::join(hosts, ", ")));
}

/// "api.bluumfinance.com", or "api.bluumfinance.com (written API.BluumFinance.com.:443)".
std::string host_named(const net::Url& url) {
  const bool same = url.host == url.canonical_host && (!url.explicit_port || !url.default_port());
  const std::string written =
      url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  return same ? url.canonical_authority()
              : fmt::format("{} (written {}{})", url.canonical_authority(), written,
                            url.explicit_port ? ":" + std::to_string(url.port) : "");
}

/// Why `url` is not on the allowlist, or "" when it is.
std::string why_not_allowed(const ProviderPack& provider, const net::Url& url) {
  const auto host = host_named(url);
  if (url.has_userinfo) {
    return fmt::format("its base URL carries userinfo (user:password@) before host {}", host);
  }
  switch (url.host_kind) {
    case net::HostKind::loopback:
      return "";
    case net::HostKind::ip_literal:
      return fmt::format("its base URL host {} is an IP literal, not a host the pack lists", host);
    case net::HostKind::name:
      break;
  }
  if (provider.is_sandbox_host(url.canonical_host)) {
    if (url.default_port()) return "";
    return fmt::format("its base URL {} is a sandbox host on a port the pack does not list", host);
  }
  if (provider.is_production_host(url.canonical_host)) {
    return fmt::format("its base URL host {} is a known production host of {}", host,
                       provider.display_name);
  }
  return fmt::format("its base URL host {} is not a sandbox host of {}", host,
                     provider.display_name);
}

/// A sandbox target that shares its base URL with a production-kind profile of the run: the
/// allowlist admits it (loopback), but the write guard protects it, so planning refuses it too.
std::optional<std::string> production_overlap(const net::ProtectedTargets& production,
                                              const Target& t) {
  for (const auto& url : {t.profile.base_url, t.base_url}) {
    const auto parsed = net::parse_url(url);
    if (!parsed.ok() || !production.covers(*parsed.url)) continue;
    return fmt::format(
        "its base URL {} is also the base URL of a production-kind profile of this run; a "
        "sandbox-write request never goes to a production target (SPEC §5)",
        host_named(*parsed.url));
  }
  return std::nullopt;
}

/// A sandbox target that carries a credential of a production-kind profile of the run: the
/// write guard refuses every write with it, so planning refuses it first.
std::optional<std::string> credential_overlap(const net::ProtectedTargets& production,
                                              const Target& t) {
  for (const auto& [name, res] : t.credentials) {
    if (!res.ok()) continue;
    for (const auto& c : production.credentials) {
      if (c.reveal() == res.secret->reveal()) {
        return fmt::format(
            "its credentials.{} is also a credential of a production-kind profile of this run; "
            "a sandbox-write request never carries production credentials (SPEC §5)",
            name);
      }
    }
  }
  return std::nullopt;
}

/// A host the pack lists for both modes: the host cannot tell test from live.
bool shared_host(const ProviderPack& provider, const std::string& host) {
  return provider.is_sandbox_host(host) && provider.is_production_host(host);
}

/// True when `a` and `b` name the same credential source (plan time: values not resolved yet).
bool same_source(const profile::CredentialSource& a, const profile::CredentialSource& b) {
  return a.kind == b.kind && a.env_var == b.env_var && a.path == b.path && a.argv == b.argv;
}

std::string webhook_url_of(const Target& t, bool effective) {
  if (effective) return t.webhook_url;
  return t.profile.webhook ? t.profile.webhook->url : "";
}

}  // namespace

std::string describe(const Refusal& r) {
  return fmt::format("refused: {} is a {} check and {} ({})", r.check_id, to_string(r.side_effect),
                     r.reason, r.profile_path);
}

std::optional<std::string> write_refusal(const ProviderPack& provider, const WriteTarget& target) {
  if (target.kind == EnvKind::production) {
    return std::string(
        "its target profile is production-kind; no sandbox-write request goes to a "
        "production-kind profile, whatever its host (SPEC §5)");
  }
  if (target.key_mode && *target.key_mode != EnvKind::sandbox) {
    const auto& prefixes = provider.mode.prefixes;
    const auto test = prefixes.count(EnvKind::sandbox) ? prefixes.at(EnvKind::sandbox) : "";
    const auto live = prefixes.count(EnvKind::production) ? prefixes.at(EnvKind::production) : "";
    std::string header;
    for (const auto& h : provider.headers) {
      if (!h.by_mode.empty())
        header += fmt::format(" and {}: {}", h.name, h.value_for(EnvKind::sandbox));
    }
    return fmt::format(
        "its credentials.{} is {}; {} tells test from live by the key alone, so a sandbox-write "
        "request goes only with a test-mode key ({}…){}, whatever the host (SPEC §5)",
        provider.mode.credential,
        *target.key_mode ? fmt::format("a live-mode key ({}…)", live)
                         : fmt::format("neither a {}… nor a {}… key", test, live),
        provider.display_name, test, header);
  }
  if (target.base_url == "embedded") return std::nullopt;
  const auto parsed = net::parse_url(target.base_url);
  const std::string why = parsed.ok()
                              ? why_not_allowed(provider, *parsed.url)
                              : fmt::format("its base URL cannot be parsed ({})", parsed.error);
  if (why.empty()) return std::nullopt;
  return why + "; " + allowlist_rule(provider);
}

std::optional<std::string> write_refusal(const ProviderPack& provider, const Target& target) {
  const auto& prof = target.profile;
  // The key's mode, once resolved (not under --plan).
  std::optional<std::optional<EnvKind>> key_mode;
  if (provider.mode.from == ModeSource::key_prefix) {
    auto it = target.credentials.find(provider.mode.credential);
    if (it != target.credentials.end() && it->second.ok()) {
      key_mode = provider.mode_of_key(it->second.secret->reveal());
    }
  }
  // The profile's spelling is always judged; the resolved one too once known (not under --plan).
  auto why = write_refusal(provider, WriteTarget{prof.kind, prof.base_url, key_mode});
  if (!why && !target.base_url.empty()) {
    why = write_refusal(provider, WriteTarget{prof.kind, target.base_url, key_mode});
  }
  return why;
}

net::ProtectedTargets production_targets(const ProviderPack& provider,
                                         const std::vector<const Target*>& targets) {
  net::ProtectedTargets out;
  bool one_host = false;  // a host serves both modes: credentials tell test from live
  for (const auto& host : provider.hosts_of(EnvKind::production)) {
    if (!shared_host(provider, host)) out.hosts.push_back(host);
    one_host = one_host || shared_host(provider, host);
  }
  // A token exchange creates nothing: its endpoint under every base URL of the run (and under
  // the pack's production hosts) may be POSTed to (SPEC §11).
  const bool exchange = provider.auth.strategy == AuthStrategy::token_exchange;
  const auto add_token_endpoint = [&](const net::Url& base) {
    std::string path = base.path;
    while (!path.empty() && path.back() == '/') path.pop_back();
    out.token_endpoints.push_back(base.canonical_authority() + path + provider.auth.token.path);
  };
  if (exchange) {
    out.token_fields.push_back(provider.auth.token.token_field);
    for (const auto& host : provider.hosts_of(EnvKind::production)) {
      if (auto parsed = net::parse_url("https://" + host + provider.path_prefix); parsed.ok()) {
        add_token_endpoint(*parsed.url);
      }
    }
  }
  for (const auto* t : targets) {
    if (t == nullptr) continue;
    const bool production = t->profile.kind == EnvKind::production;
    for (const auto& url : {t->profile.base_url, t->base_url}) {
      auto parsed = net::parse_url(url);
      if (!parsed.ok()) continue;
      if (exchange) add_token_endpoint(*parsed.url);
      if (production && !shared_host(provider, parsed.url->canonical_host)) {
        out.add_base_url(*parsed.url);
      }
    }
    if (!production) continue;
    for (const auto& [name, res] : t->credentials) {
      if (one_host && res.ok() && !res.secret->reveal().empty()) {
        out.credentials.push_back(*res.secret);
      }
    }
  }
  return out;
}

std::optional<std::string> partner_endpoint_refusal(const net::ProtectedTargets& production,
                                                    const std::string& url) {
  const auto parsed = net::parse_url(url);
  if (!parsed.ok() || !production.covers(*parsed.url)) return std::nullopt;
  return fmt::format(
      "its webhook URL host {} is a production target of the provider API; deliveries to the "
      "partner's own endpoint (partner-endpoint) never go to the provider API (SPEC §5)",
      host_named(*parsed.url));
}

std::optional<std::string> shared_host_key_refusal(const ProviderPack& provider, const Target& t,
                                                   const std::vector<const Target*>& targets) {
  if (provider.mode.from != ModeSource::profile || t.profile.kind == EnvKind::production) {
    return std::nullopt;
  }
  std::string shared;
  for (const auto& url : {t.profile.base_url, t.base_url}) {
    const auto parsed = net::parse_url(url);
    if (!parsed.ok()) continue;
    const auto& host = parsed.url->canonical_host;
    if (provider.is_sandbox_host(host) && provider.is_production_host(host)) shared = host;
  }
  if (shared.empty()) return std::nullopt;
  const auto& name = provider.mode.credential;
  const auto mine = t.credentials.find(name);
  const auto my_source = t.profile.credentials.find(name);
  bool told_apart = false;
  for (const auto* p : targets) {
    if (p == nullptr || p == &t || p->profile.kind != EnvKind::production) continue;
    const auto theirs = p->credentials.find(name);
    const auto their_source = p->profile.credentials.find(name);
    const bool resolved = mine != t.credentials.end() && mine->second.ok() &&
                          theirs != p->credentials.end() && theirs->second.ok();
    const bool same = resolved ? crypto::sha256_hex(mine->second.secret->reveal()) ==
                                     crypto::sha256_hex(theirs->second.secret->reveal())
                               : my_source != t.profile.credentials.end() &&
                                     their_source != p->profile.credentials.end() &&
                                     same_source(my_source->second, their_source->second);
    if (same) {
      return fmt::format(
          "its {} is the production profile's ({}): {} serves sandbox and live from one host "
          "({}), so only a key of the sandbox application, told apart from the live one by its "
          "fingerprint, may write (SPEC §5)",
          name, p->profile.path, provider.display_name, shared);
    }
    told_apart = told_apart || resolved;
  }
  const bool plan_time = mine == t.credentials.end();
  if (told_apart || (plan_time && std::any_of(targets.begin(), targets.end(), [&](const Target* p) {
                       return p != nullptr && p->profile.kind == EnvKind::production;
                     }))) {
    return std::nullopt;
  }
  return fmt::format(
      "no production-kind profile in this run to tell its {} apart from: {} serves sandbox and "
      "live from one host ({}), so a write needs a sandbox key whose fingerprint differs from the "
      "production profile's (run it as the rehearsal of the production profile) (SPEC §5)",
      name, provider.display_name, shared);
}

std::vector<Refusal> safety_refusals(const std::vector<PlannedCheck>& plan,
                                     const ProviderPack& provider,
                                     std::vector<const Target*> run_targets) {
  for (const auto& p : plan) run_targets.push_back(p.target);
  const auto production = production_targets(provider, run_targets);
  std::vector<Refusal> out;
  for (const auto& p : plan) {
    const auto side_effect = p.entry->info.side_effect;
    std::optional<std::string> why;
    if (side_effect == SideEffect::sandbox_write) {
      why = write_refusal(provider, *p.target);
      if (!why) why = shared_host_key_refusal(provider, *p.target, run_targets);
      if (!why) why = production_overlap(production, *p.target);
      if (!why) why = credential_overlap(production, *p.target);
    } else if (side_effect == SideEffect::partner_endpoint) {
      for (bool effective : {false, true}) {
        if (!why) why = partner_endpoint_refusal(production, webhook_url_of(*p.target, effective));
      }
    }
    if (why) out.push_back({p.entry->info.id, p.target->profile.path, *why, side_effect});
  }
  return out;
}

std::vector<std::string> guard_failure(const net::WriteGuard& guard) {
  std::vector<std::string> lines;
  std::set<std::string> origins;
  for (const auto& trip : guard.trips()) {
    const auto origin = trip.origin.empty() ? std::string("an unknown caller") : trip.origin;
    origins.insert(origin);
    lines.push_back(redact(fmt::format(
        "internal error: the HTTP write guard stopped {} {} sent by {}: a write toward a "
        "production target that planning did not refuse (it was not sent)",
        trip.method, trip.url, origin)));
  }
  if (!lines.empty()) {
    lines.push_back(fmt::format(
        "VERDICT: INTERNAL ERROR (exit 70) — {} tried to write to production; this is a bug in "
        "bluum-golive, please report it",
        fmt::join(origins, ", ")));
  }
  return lines;
}

}  // namespace golive
