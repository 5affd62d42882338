#pragma once
/// Readers for the sections of a profile (SPEC §4.1), internal to the loader. Each validates one
/// section, reports every problem to the Reader and fills what it could into the Profile.
#include <optional>
#include <string>

#include "profile/loader.hpp"
#include "profile/profile.hpp"
#include "profile/yaml_reader.hpp"

namespace golive::profile::detail {

/// A credential source: a mapping with exactly one of env, file, command (+ timeout_s).
/// A literal scalar is refused without echoing it, and registered with the Redactor.
/// `provider` and the entry's key make the suggested variable name (BLUUM_API_KEY).
std::optional<CredentialSource> read_source(Reader& r, const Entry& e, const std::string& provider,
                                            const std::string& hint);
/// `credentials:` name → source.
void read_credentials(Reader& r, const Entry& e, const std::string& provider, Profile& p);
/// An absolute http(s) URL without userinfo or fragment (and without a query unless allowed).
std::optional<std::string> read_url(Reader& r, const Entry& e, bool allow_query);
/// `webhook:` url, secret, scheme, tolerance_s, response_budget_s, custom. Reads p.base_url:
/// with an embedded one, `secret` may be omitted and `url` may be `embedded`.
void read_webhook(Reader& r, const Entry& e, const std::string& provider, Profile& p);
/// `http:` timeouts and backoff, all positive integers.
void read_http(Reader& r, const Entry& e, Profile& p);
/// `audit:` client (reference), schedule, seed, timeout_s.
void read_audit(Reader& r, const Entry& e, Profile& p);
/// `checks:` check id → options; ids must be known; `enabled` must be a boolean.
void read_checks(Reader& r, const Entry& e, const LoadOptions& o, Profile& p);
/// `attestations:` attestation id → {by, on, expires, evidence}.
void read_attestations(Reader& r, const Entry& e, const LoadOptions& o, Profile& p);
/// `waivers:` check id → {reason, approver, ticket, expires}.
void read_waivers(Reader& r, const Entry& e, const LoadOptions& o, Profile& p);

}  // namespace golive::profile::detail
