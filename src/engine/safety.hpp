#pragma once
/// The money-movement interlock (SPEC §5), as pure functions over the plan: a sandbox-write
/// check goes only to an allowlisted host (a sandbox host of the provider pack, or loopback),
/// never from a production-kind profile; a partner-endpoint check (webhook deliveries to the
/// partner's own receiver) never goes to a production target of the provider API. The HTTP layer
/// enforces the last line independently (net/write_guard.hpp); the helpers for it live here too.
/// Design and examples: docs/safety.md.
#include <optional>
#include <string>
#include <vector>

#include "engine/runner.hpp"
#include "net/write_guard.hpp"

namespace golive {

/// One refusal: which check, against what, and why.
struct Refusal {
  std::string check_id;
  std::string profile_path;
  std::string reason;  ///< names the host and the rule
  SideEffect side_effect = SideEffect::sandbox_write;
};

/// "refused: ID is a CLASS check and REASON (PATH)": the line `check` and `--plan` print.
std::string describe(const Refusal& refusal);

/// Where a sandbox-write request would go: everything the allowlist rule judges.
struct WriteTarget {
  EnvKind kind = EnvKind::sandbox;  ///< environment kind of the profile that sends the write
  std::string base_url;             ///< absolute URL, or "embedded" (the in-process emulator)
  /// For a pack whose key prefix is the mode (`mode: key-prefix`): the mode the write's key
  /// shows (sk_test_ → sandbox, sk_live_ → production; nullopt: neither prefix). Unset when the
  /// key is not resolved yet (`--plan`) or the pack has no key-prefix mode.
  std::optional<std::optional<EnvKind>> key_mode = {};
};

/// The allowlist rule of SPEC §5 (pure; sends and resolves nothing): why a sandbox-write
/// request to `target` must not be sent, or nullopt when it may. Allowed: from a sandbox-kind
/// profile to a host the pack lists as a sandbox host (current or legacy) on the scheme's default
/// port, or to loopback (any port; "embedded"). Refused: a production-kind profile whatever the
/// host; a production host; an IP literal; an unknown host; a URL that does not parse; userinfo.
/// For a key-prefix pack (one host for both modes) also a key that is not the pack's sandbox
/// prefix (a live key), whatever the host: the mode header then follows the sandbox kind.
/// Hosts are compared canonically (net::Url::canonical_host). The reason names the host and
/// the rule.
std::optional<std::string> write_refusal(const ProviderPack& provider, const WriteTarget& target);

/// write_refusal() for `target`'s base URL as its profile writes it and as the run resolved it
/// (both must pass).
std::optional<std::string> write_refusal(const ProviderPack& provider, const Target& target);

/// The production side of a run, for the HTTP write guard and the partner-endpoint rule: the
/// pack's production hosts (current and legacy) and the base URL of every production-kind
/// target in `targets` (null entries are ignored), except hosts the pack lists for both modes;
/// when the pack has such a host, the resolved credentials of every production-kind target (the
/// guard refuses a write that carries one, whatever its host); and for a token-exchange pack, the
/// token endpoint under each production host and under every target's base URL, which a POST may
/// reach.
net::ProtectedTargets production_targets(const ProviderPack& provider,
                                         const std::vector<const Target*>& targets);

/// The partner-endpoint rule: a delivery to the partner's own webhook endpoint is not a write to
/// the provider API (SPEC §5), but it must never be POSTed to a production target either. The
/// reason when `url` is one of `production`, else nullopt ("embedded", "" and URLs that do not
/// parse are left to the checks).
std::optional<std::string> partner_endpoint_refusal(const net::ProtectedTargets& production,
                                                    const std::string& url);

/// Every planned check the policy refuses: sandbox-write checks by write_refusal() or whose base
/// URL is a production target of the run, and partner-endpoint checks whose webhook URL is one.
/// The run's production targets are those of `run_targets` (give the run's main and rehearsal
/// targets, as the HTTP write guard gets them) and of the plan. Pure: sends nothing.
/// One host serving both modes whose mode only the profile states (pack `mode: profile`, e.g.
/// Basiq): why a sandbox-kind `t` on that host may not write — its key (the pack's mode
/// credential) has the fingerprint of a production-kind target's in `targets` (before
/// resolution: the same credential source), or no production-kind target's key is known to tell
/// it apart from; nullopt otherwise (other packs, other hosts such as loopback).
std::optional<std::string> shared_host_key_refusal(const ProviderPack& provider, const Target& t,
                                                   const std::vector<const Target*>& targets);

std::vector<Refusal> safety_refusals(const std::vector<PlannedCheck>& plan,
                                     const ProviderPack& provider,
                                     std::vector<const Target*> run_targets = {});

/// After a run: one line per trip of the HTTP write guard, naming the check (Request::origin)
/// that tried, and the exit-70 line last; empty when it never tripped. A trip is a bug: planning
/// should have refused the run with exit 4.
std::vector<std::string> guard_failure(const net::WriteGuard& guard);

}  // namespace golive
