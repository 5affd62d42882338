#pragma once
/// When and how long to wait before retrying an HTTP exchange: a pure unit (no clock, no sleeping,
/// injected randomness) so every schedule can be tested exactly.
#include <chrono>
#include <optional>
#include <set>
#include <string_view>

#include "net/http.hpp"

namespace golive::net {

/// Uniform random numbers, injectable so backoff jitter is testable.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  /// A value in [0, 1].
  virtual double uniform() = 0;
};

/// Draws from OpenSSL's RAND_bytes (crypto::random_unit). Thread-safe.
class SystemRandom final : public RandomSource {
 public:
  double uniform() override;
};

/// Knobs of RetryPolicy. Defaults follow the provider's SDK guidance (3 retries, 429/5xx).
struct RetryConfig {
  /// Total attempts including the first; 1 disables retrying.
  int max_attempts = 4;
  /// Backoff before retry n is uniform in [0, min(cap_ms, base_ms * 2^(n-1))] ("full jitter").
  std::chrono::milliseconds base_ms{500};
  std::chrono::milliseconds cap_ms{8000};
  /// Statuses retried when the request may be replayed (idempotent or carrying Idempotency-Key).
  std::set<int> retry_statuses{429, 502, 503, 504};
  /// Transport failures retried when the request may be replayed. DNS is left out on purpose: a
  /// name that does not resolve will not start resolving within a backoff window, and the
  /// resolver already retried. tls, policy, protocol and too_large are never transient enough.
  std::set<TransportErrorKind> retry_transport_kinds{TransportErrorKind::timeout,
                                                     TransportErrorKind::connect};
  /// For a request that must not be replayed (POST/PATCH without Idempotency-Key) only outcomes
  /// that prove the server did not act are retried: 429 (rejected before processing) and a
  /// connect failure (nothing was sent).
  std::set<int> unsafe_retry_statuses{429};
  std::set<TransportErrorKind> unsafe_retry_transport_kinds{TransportErrorKind::connect};
  /// Retry-After is a minimum the server asked for; when it exceeds this, give up instead of
  /// waiting (never retry sooner than asked).
  std::chrono::milliseconds max_retry_after{60000};
};

/// Decides the delay before the next attempt.
class RetryPolicy {
 public:
  explicit RetryPolicy(RetryConfig config = {}) : config_(std::move(config)) {}
  const RetryConfig& config() const { return config_; }

  /// Whether `last` is a retryable outcome at all (ignores attempt count and time).
  bool retryable(const Outcome& last, bool replay_safe = true) const;

  /// min(cap_ms, base_ms * 2^(attempt_number-1)): the jitter ceiling after `attempt_number`.
  std::chrono::milliseconds backoff_ceiling(int attempt_number) const;

  /// The wait before attempt `attempt_number + 1`, given that attempt `attempt_number` (1-based)
  /// ended with `last`; nullopt means stop and report `last`. Stops when `last` is not retryable,
  /// when max_attempts is reached, when Retry-After exceeds max_retry_after, or when the delay
  /// would not leave any of `time_left` (the run's remaining deadline) for the next attempt.
  /// The delay is the full-jitter backoff, raised to Retry-After (seconds or HTTP-date, measured
  /// from `wall_now`) when the response carries one.
  std::optional<std::chrono::milliseconds> next_delay(
      int attempt_number, const Outcome& last, std::chrono::system_clock::time_point wall_now,
      std::chrono::milliseconds time_left, RandomSource& random, bool replay_safe = true) const;

 private:
  RetryConfig config_;
};

/// Parses a Retry-After value (RFC 9110 §10.2.3): delay-seconds ("120") or an HTTP-date
/// ("Wed, 21 Oct 2015 07:28:00 GMT", obsolete forms accepted, via curl_getdate). A date in the past
/// gives 0. Returns nullopt for anything else (negative, fractional, garbage).
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point wall_now);

/// Whether replaying `request` cannot duplicate a side effect: GET, HEAD, OPTIONS, PUT, DELETE,
/// TRACE, or any request carrying an Idempotency-Key header.
bool replay_safe(const Request& request);

}  // namespace golive::net
