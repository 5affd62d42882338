#pragma once
/// The HTTP side of Bluum's reference client (README.md): what a correct integration does on
/// every call. One stack, outermost first:
///   retries (RetryingClient: 429/5xx/no answer, full-jitter backoff raised to Retry-After,
///   never a 4xx, a POST only when it carries an Idempotency-Key, at most `max_attempts`)
///   -> log (one line per attempt: status, X-Request-Id, trace_id, Retry-After)
///   -> throttle (RateLimiter: never faster than the pack's published limit, retries included)
///   -> libcurl.
/// GETs may be answered from a small cache; every POST carries an Idempotency-Key generated
/// once per operation and reused on each of its retries.
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

#include "core/secret.hpp"
#include "net/curl_client.hpp"
#include "net/rate_limiter.hpp"
#include "net/retrying_client.hpp"

namespace golive::bluum::refclient {

/// What one call ended with, after its retries.
struct CallResult {
  int status = 0;           ///< 0: no answer (transport error after the last attempt)
  nlohmann::json body;      ///< parsed JSON, or null
  std::string request_id;   ///< X-Request-Id of the last answer
  bool from_cache = false;  ///< a GET answered by the cache, nothing sent
  int attempts = 0;         ///< requests sent for this call
  std::string error;        ///< the transport error, when status is 0
  bool ok() const { return status >= 200 && status < 300; }
};

struct ClientConfig {
  std::string base_url;  ///< e.g. http://127.0.0.1:PORT/v1, no trailing slash
  Secret api_key, api_secret;
  double rate_per_s = 10;  ///< the pack's published limit for the environment
  int max_attempts = 5;    ///< per call, the first included
  std::chrono::milliseconds backoff_base{100}, backoff_cap{2000};
  std::chrono::milliseconds timeout{5000};  ///< per attempt
  std::optional<unsigned> seed;             ///< jitter seed; absent: from the OS
};

/// A Bluum API client. `log` receives one line per attempt (never a credential). Not
/// thread-safe: one flow at a time.
class Client {
 public:
  Client(ClientConfig config, std::ostream& log);

  /// GET `path` (relative to the base URL, with its query); a 200 is cached for `ttl` and a
  /// later GET of the same path within it is answered from the cache.
  CallResult get(const std::string& path, std::chrono::seconds ttl = std::chrono::seconds{0});

  /// POST `body` as JSON with a fresh Idempotency-Key, reused by every retry of this call.
  CallResult post(const std::string& path, const nlohmann::json& body);

  /// Writes one line to the log (UTC timestamp first).
  void note(const std::string& text);

 private:
  CallResult send(net::Request request);

  ClientConfig config_;
  std::ostream& log_;
  net::CurlClient curl_;
  net::RateLimiter limiter_;
  net::ThrottledClient throttled_;
  std::unique_ptr<net::HttpClient> logged_;
  std::unique_ptr<net::RandomSource> random_;
  std::unique_ptr<net::RetryingClient> retrying_;
  struct Cached {
    std::chrono::steady_clock::time_point until;
    CallResult result;
  };
  std::map<std::string, Cached> cache_;
};

/// The `trace_id` an error body carries, wherever the envelope puts it (`trace_id` or `traceId`
/// at any depth); "" when none.
std::string trace_id_of(const nlohmann::json& body);

}  // namespace golive::bluum::refclient
