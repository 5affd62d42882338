#pragma once
/// What the api.* checks and webhook.registration share, for any provider: requests built and
/// authenticated from the pack (engine/provider_api), the vendor's error envelope and the
/// meaning of its codes, and an HTTP exchange turned into evidence or into a graded result.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/provider_api.hpp"

namespace golive::checks::api {

/// Query parameters, sent in key order.
using Query = std::map<std::string, std::string>;

/// `path` plus `query` percent-encoded (RFC 3986 unreserved characters kept), e.g.
/// "/assets?class=equity&tradable=true".
std::string path_with_query(const std::string& path, const Query& query);

/// `base_url` without a trailing '/' followed by `path_and_query` (which starts with '/').
std::string api_url(const std::string& base_url, const std::string& path_and_query);

/// A read-only request for `check --plan`: "{base}" + path while the base URL is not known
/// (empty or "embedded"), else the redacted absolute URL.
PlannedRequest planned_get(const Target& target, const std::string& path_and_query,
                           std::string note);

/// The first credential the pack's auth strategy needs that did not resolve; "" when all did.
std::string missing_auth_credential(const CheckContext& ctx);

/// A GET of base URL + `path_and_query` with the vendor's required headers, not yet
/// authenticated. Each attempt is bounded by the profile's http.timeout_s and by the check's
/// time left; connect by 5 s within that.
net::Request api_get(const CheckContext& ctx, const std::string& path_and_query);

/// Sends `request` through ctx.http, authenticated by the pack's strategy unless `with_auth` is
/// false. A token exchange that fails comes back as that exchange (its status explains why).
net::Exchange api_send(const CheckContext& ctx, net::Request request, bool with_auth = true);

/// The vendor's error envelope in a response body (engine/provider_api).
ApiError read_error(const ProviderPack& pack, const net::Response& response);

/// The items of a list body: a JSON array, or an object whose `data` is an array (the list
/// envelopes of every pack); nullptr for anything else.
const nlohmann::json* list_items(const nlohmann::json& body);

/// The documented meaning of a provider code (BLUM-404-003 → "asset not found"); empty when the
/// code is not in the pack's catalogue.
std::string code_meaning(const ProviderPack& pack, const std::string& code);

/// "401 BLUM-401-001 (missing Authorization header)", "503", "200".
std::string describe_status(const ProviderPack& pack, const net::Response& response);

/// "3 attempts, waited 2000 ms" for a retried exchange; empty for a single attempt.
std::string retry_note(const net::Exchange& x);

/// Evidence for every attempt of `x`: method, redacted URL, status, X-Request-Id, latency, and
/// the wait slept before it. The last entry carries `expected` and `observed`; earlier ones say
/// what they got and that they were retried.
std::vector<Evidence> exchange_evidence(const net::Exchange& x, const std::string& label,
                                        const std::string& expected, const std::string& observed);

/// The result for an exchange that did not bring the response a check needs, evidence included:
/// a transport error is `inconclusive` when the network stood in the way (timeout, refused, DNS)
/// and `fail` when it is a finding (TLS, protocol, policy); 401/403 and other 4xx `fail` with the
/// code's meaning and a fix; 429 and 5xx (after the client's retries) are `inconclusive`; a 3xx
/// `fail`s (the base URL should not redirect). `label` names the request, e.g. "GET /assets".
CheckResult grade_unexpected(const CheckContext& ctx, const net::Exchange& x,
                             const std::string& label, const std::string& expected);

/// The result for a response whose body the check needed but could not read: `inconclusive`
/// (never pass or warn, SPEC §3), evidence included, summary "LABEL answered STATUS, but the
/// PROBLEM; CLAIM could not be verified". For bodies cut at the client's size cap, and for bodies
/// that are not JSON (or not the expected shape) when the check's claim is not about the body's
/// format. `problem` is parse_json_body()'s reason ("response body is not JSON (...)") or a
/// phrase that reads after "the" ("body is not a list").
CheckResult unreadable_body(const net::Exchange& x, const std::string& label,
                            const std::string& expected, const std::string& problem,
                            const std::string& claim);

/// An `inconclusive` result for a check that cannot authenticate because `missing` (a credential
/// name) did not resolve; credentials.present reports why.
CheckResult missing_credential(const std::string& missing);

}  // namespace golive::checks::api
