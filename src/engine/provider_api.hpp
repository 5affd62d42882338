#pragma once
/// How the tool talks to a provider's API for one target, from the pack alone (SPEC §11): the
/// base URL, the auth strategy (Basic, Bearer, or a token exchange cached per scope for the run),
/// the headers the vendor requires by mode, and reading its error envelope and request id.
#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "engine/provider.hpp"
#include "net/http.hpp"

namespace golive {

struct Target;
struct CheckContext;

/// The parts of a provider's error answer, read with the pack's ErrorSpec.
struct ApiError {
  bool found = false;  ///< a code or a message was found where the pack says
  std::string code, message, detail, type, param;
  std::string request_id;  ///< a request id carried in the body (Basiq correlationId)
};

/// Reads an error answer; `found` is false for anything that is not the vendor's envelope.
ApiError read_api_error(const ProviderPack& pack, const nlohmann::json& body);
/// Parses `response` (JSON) and reads it; `found` is false when it is not JSON.
ApiError read_api_error(const ProviderPack& pack, const net::Response& response);

/// The response's request id: the pack's header, else its body pointers (errors included).
std::string request_id_of(const ProviderPack& pack, const net::Response& response);

/// What an error answer written in the vendor's envelope says (the placeholders of
/// `errors.template`).
struct ErrorAnswer {
  int status = 0;
  std::string code, message, type;
  std::string request_id;  ///< {request_id}: the id also sent in the pack's request-id header
  std::string trace_id;    ///< {trace_id}: a separate id some vendors put in error bodies
};

/// The vendor's error body for `answer`: `errors.template` with every placeholder filled in (a
/// string that is exactly one placeholder whose value is empty is left out; "{status}" alone is
/// a number). Without a template: code, message and type at the first pointer of each, and the
/// request id at the first body pointer (errors.request_id, else request_id.body).
nlohmann::json error_body(const ProviderPack& pack, const ErrorAnswer& answer);

/// Fills the request id of `x`'s response and last attempt from the body (the pack's
/// request_id.body pointers, e.g. Basiq's correlationId) where no header gave one, so evidence
/// names it like a header id.
void stamp_request_id(const ProviderPack& pack, net::Exchange& x);

/// What one token exchange of the run came to, kept for the run (success or failure).
struct CachedToken {
  std::optional<Secret> token;  ///< unset when the exchange failed
  std::chrono::steady_clock::time_point expires;
  net::Exchange exchange;  ///< the token request that minted (or failed to mint) it
  std::string why;         ///< on failure: one line, redacted
};

/// One token per (base URL, credential, scope) for the whole run (SPEC §11: never fetched per
/// request), renewed before it expires: `refresh_before_s` early, or half its lifetime early
/// when that is shorter. A failed exchange is kept too: later requests of the run get the same
/// failure instead of sending another token request. The pack's token rate limit is never
/// exceeded by the run's own token requests. Thread-safe: concurrent checks that need
/// the same token wait for one exchange. Every token is registered with the Redactor.
class TokenCache {
 public:
  /// What a token request came to.
  struct Outcome {
    std::optional<Secret> token;  ///< set on success
    /// The token exchange that minted (or failed to mint) the token, sent now or earlier in the
    /// run; unset when none was sent (the credential did not resolve).
    std::optional<net::Exchange> sent;
    bool sent_now = false;  ///< `sent` went out during this call
    std::string why;        ///< on failure: one line, redacted
  };
  explicit TokenCache(Clock& clock) : clock_(clock) {}
  /// The cached token (or failure) for the key, or the result of one new exchange sent through
  /// `http`.
  Outcome get(const ProviderPack& pack, const Target& target, net::HttpClient& http,
              std::chrono::milliseconds timeout);
  /// Token requests sent so far (tests and the audit's own accounting).
  int requests_sent() const;

 private:
  /// Why a token request may not be sent now: the pack's `scope: token` rate limit (Basiq:
  /// 1,500 per 5 minutes) is reached by this run's own requests; nullopt when it may. Caller
  /// holds mu_.
  std::optional<std::string> over_token_limit(const ProviderPack& pack,
                                              std::chrono::steady_clock::time_point now);

  Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, CachedToken> tokens_;
  std::deque<std::chrono::steady_clock::time_point> sent_at_;  ///< token requests, oldest first
  int sent_ = 0;
};

/// Builds and authenticates requests for one target.
class ProviderApi {
 public:
  /// `tokens` may be null for packs that do not exchange tokens.
  ProviderApi(const ProviderPack& pack, const Target& target, net::HttpClient& http,
              TokenCache* tokens, std::chrono::milliseconds timeout);
  /// From a check's context: its target, client, the run's token cache, its time left.
  explicit ProviderApi(const CheckContext& ctx);

  /// The name of the first credential the auth strategy needs that did not resolve (or is
  /// empty); "" when every one is there.
  std::string missing_credential() const;
  /// `method` to base URL + `path_and_query` with the vendor's required headers and Accept
  /// JSON; not yet authenticated.
  net::Request request(const std::string& method, const std::string& path_and_query) const;
  /// Adds Authorization by the pack's strategy. For a token exchange this may send the token
  /// request (once per scope per run); on failure returns the outcome (with the exchange, for
  /// evidence) and leaves the request unauthenticated.
  std::optional<TokenCache::Outcome> authorize(net::Request& request);
  /// authorize() then send through the client; a failed token exchange is returned as the
  /// exchange itself (its status explains why).
  net::Exchange send(net::Request request);
  /// base URL + `path_and_query`.
  std::string url(const std::string& path_and_query) const;
  const ProviderPack& pack() const { return pack_; }
  const Target& target() const { return target_; }

 private:
  const ProviderPack& pack_;
  const Target& target_;
  net::HttpClient& http_;
  TokenCache* tokens_;
  std::chrono::milliseconds timeout_;
};

/// Authorization for a token request: `Basic <credential exactly as issued>` (Basiq).
std::string token_request_authorization(const Secret& credential);

}  // namespace golive
