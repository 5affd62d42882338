#pragma once
/// HTTP exchange types and the client interface every check uses (SPEC §5, §10).
/// An HTTP 4xx/5xx is a Response; only transport problems are TransportErrors.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/secret.hpp"

namespace golive::net {

/// Case-insensitive header map (names compared lower-cased; stored lower-cased).
class Headers {
 public:
  /// Replaces every value of `name` with `value`.
  void set(const std::string& name, std::string value);
  /// Appends `value` to `name` (repeated headers such as Set-Cookie).
  void add(const std::string& name, std::string value);
  /// The first value stored under `name`, if any.
  std::optional<std::string> get(const std::string& name) const;
  /// Every value stored under `name`, in insertion order.
  std::vector<std::string> get_all(const std::string& name) const;
  /// Drops every value stored under `name`.
  void remove(const std::string& name);
  const std::multimap<std::string, std::string>& all() const { return map_; }

 private:
  std::multimap<std::string, std::string> map_;
};

/// HTTP Basic credentials; the client builds the Authorization header and registers it with the
/// Redactor. Never logged.
struct BasicAuth {
  Secret user;
  Secret password;
};

/// One request to send.
struct Request {
  std::string method = "GET";
  std::string url;  ///< absolute
  Headers headers;
  std::string body;
  std::optional<BasicAuth> auth;
  std::chrono::milliseconds timeout{10000};  ///< total, per attempt
  std::chrono::milliseconds connect_timeout{5000};
  size_t max_body_bytes = 4 * 1024 * 1024;  ///< larger bodies are cut and `truncated` set
  bool insecure = false;                    ///< skip TLS verification (loopback targets only)
  /// Who sends it, e.g. "check idempotency.replay" (stamped by the runner's per-check
  /// OriginClient) or "webhook send"; "" when unknown. Never sent; named when the HTTP write guard
  /// refuses (SPEC §5).
  std::string origin;
};

/// What came back.
struct Response {
  int status = 0;
  Headers headers;
  std::string body;
  bool truncated = false;
  std::chrono::milliseconds latency{0};
  std::string request_id;   ///< X-Request-Id, if any
  std::string date;         ///< Date header, if any
  std::string tls_version;  ///< e.g. "TLSv1.3" when https
};

/// Typed transport failures.
/// timeout: connect or total time limit hit; connect: TCP connect failed (refused, unreachable);
/// dns: host name did not resolve; tls: handshake or certificate verification failed;
/// protocol: the peer broke HTTP (no reply, reset, garbage); too_large: reserved for callers that
/// reject an oversized body (CurlClient cuts and sets Response::truncated instead); policy: the
/// client refused to send (SPEC §5: auth over plain http, --insecure off loopback, bad scheme,
/// line breaks in headers); other: anything else.
enum class TransportErrorKind { timeout, connect, dns, tls, protocol, too_large, policy, other };
/// Stable lower-case name of `k` ("timeout", "connect", ...), for evidence and traces.
std::string_view to_string(TransportErrorKind k);

/// How a check should grade a transport failure of kind `k` (SPEC §3, §4.3): true for "could not
/// evaluate" (timeout, connect, dns, other: the network stood between us and the target, so the
/// result is `inconclusive`); false when the failure is itself a finding (tls, protocol, too_large,
/// policy: the target or the configuration is wrong, so the result is `fail`).
bool is_inconclusive(TransportErrorKind k);

/// A transport failure: no HTTP response was obtained (or the client refused to send).
struct TransportError {
  TransportErrorKind kind = TransportErrorKind::other;
  std::string message;  ///< one line, redacted, e.g. "connection refused (127.0.0.1:9)"
  std::chrono::milliseconds latency{0};
};

using Outcome = std::variant<Response, TransportError>;

/// One attempt as recorded for evidence and -v traces (already redacted).
struct Attempt {
  std::string method;
  std::string url;  ///< redacted
  int status = 0;   ///< 0 when a transport error happened
  std::string error;
  std::string request_id;
  std::chrono::milliseconds latency{0};
  std::chrono::milliseconds waited_before{0};  ///< backoff slept before this attempt
};

/// The full result of a (possibly retried) exchange.
struct Exchange {
  Outcome outcome;
  std::vector<Attempt> attempts;
  /// The response, or nullptr when the exchange ended in a transport error.
  const Response* response() const { return std::get_if<Response>(&outcome); }
  /// The transport error, or nullptr when a response came back.
  const TransportError* error() const { return std::get_if<TransportError>(&outcome); }
};

/// The one door to the network. Implementations: CurlClient (libcurl), RetryingClient
/// (decorator applying RetryPolicy), and fakes in tests.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  /// Sends `request`. Never throws for HTTP or transport problems.
  virtual Exchange send(const Request& request) = 0;
};

/// `url` with userinfo removed and query values of sensitive-looking keys masked; then
/// Redactor-redacted. Safe to print.
std::string redact_url(const std::string& url);

}  // namespace golive::net
