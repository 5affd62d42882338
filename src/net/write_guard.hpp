#pragma once
/// Defence in depth for SPEC §5, independent of check planning: the HTTP layer itself refuses any
/// method but GET, HEAD and OPTIONS toward a production target. Planning (engine/safety) refuses
/// such runs first with exit 4, so a refusal here means a bug: it is recorded as a trip, and
/// `check` exits 70 naming Request::origin.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/http.hpp"
#include "net/url.hpp"

namespace golive::net {

/// Where the production side of a run is. Hosts and authorities are canonical
/// (net::canonical_host, Url::canonical_authority).
struct ProtectedTargets {
  /// Refused on every port: a provider pack's production hosts, and the base-URL host of a
  /// production-kind target that is not on loopback.
  std::vector<std::string> hosts;
  /// Refused on exactly this host and port: a production-kind target on loopback (another port
  /// of the same machine is another service, e.g. the sandbox emulator of a rehearsal).
  std::vector<std::string> authorities;
  /// The credentials of production-kind targets. A host that serves both modes (one host for
  /// test and live, e.g. Blockchain0x) is not in `hosts`: there a write is told apart by the
  /// credential it carries, not by where it goes.
  std::vector<Secret> credentials;
  /// Token endpoints ("au-api.basiq.io/token": canonical authority + path) where a POST only
  /// exchanges a key for a token and creates nothing (SPEC §11): let through to a protected
  /// target like a read. Nothing else on a protected target may be POSTed.
  std::vector<std::string> token_endpoints;
  /// Fields of a token endpoint's JSON answer that hold a token ("access_token"): a token issued
  /// for one of `credentials` is protected like the credential itself (WriteGuard::learn).
  std::vector<std::string> token_fields;

  /// True when a request to `url` reaches one of the protected targets.
  bool covers(const Url& url) const;
  /// True when `request` carries one of `credentials` (in a header value or its Basic auth).
  bool carries_credential(const Request& request) const;
  /// Adds `url`'s target: its canonical host, or its authority when it is loopback.
  void add_base_url(const Url& url);
  /// True when `url` (no query) is one of `token_endpoints`.
  bool is_token_endpoint(const Url& url) const;
};

/// True for "GET", "HEAD" and "OPTIONS" (methods are case-sensitive): the only requests the guard
/// lets through to a protected target.
bool is_read_method(std::string_view method);

/// One refused request, for the exit-70 message.
struct GuardTrip {
  std::string origin;  ///< Request::origin ("" when unknown)
  std::string method;
  std::string url;  ///< redacted
};

/// The guard: decides and records. Thread-safe. A write is refused when it goes to a protected
/// target or carries a protected credential.
class WriteGuard {
 public:
  explicit WriteGuard(ProtectedTargets targets = {}) : targets_(std::move(targets)) {}
  /// The one-line refusal when `request` is a write toward a protected target or with a
  /// production credential (and records the trip), else nullopt. A URL that does not parse is left
  /// to the send policy (which refuses it).
  std::optional<std::string> vet(const Request& request);
  /// After `request` was answered: when it was a POST to a token endpoint carrying a protected
  /// credential and the answer is 2xx JSON, every token in its `token_fields` is protected from
  /// then on (a Bearer token minted from a production key is that key's stand-in).
  void learn(const Request& request, const Exchange& answer);
  /// Every refusal so far, in order.
  std::vector<GuardTrip> trips() const;
  const ProtectedTargets& targets() const { return targets_; }

 private:
  /// True when `request` carries a token learnt from a protected credential.
  bool carries_learned(const Request& request) const;
  ProtectedTargets targets_;
  mutable std::mutex mu_;
  std::vector<GuardTrip> trips_;
  std::vector<Secret> learned_;  ///< tokens issued for protected credentials
};

/// HttpClient decorator: asks `guard` first; a refusal is a `policy` TransportError with one
/// Attempt, and `inner` never sees the request (no DNS lookup, no connection).
class GuardedClient final : public HttpClient {
 public:
  GuardedClient(HttpClient& inner, WriteGuard& guard) : inner_(inner), guard_(guard) {}
  Exchange send(const Request& request) override;

 private:
  HttpClient& inner_;
  WriteGuard& guard_;
};

/// HttpClient decorator that stamps Request::origin on every request it forwards (the runner
/// wraps the run's clients in one per check, so the guard can name the check).
class OriginClient final : public HttpClient {
 public:
  OriginClient(HttpClient& inner, std::string origin) : inner_(inner), origin_(std::move(origin)) {}
  Exchange send(const Request& request) override;

 private:
  HttpClient& inner_;
  std::string origin_;
};

}  // namespace golive::net
