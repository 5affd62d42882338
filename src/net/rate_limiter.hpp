#pragma once
/// Self-throttling (SPEC §5): the tool never sends faster than the provider's published limit.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.hpp"
#include "net/http.hpp"

namespace golive::net {

/// A token bucket per key (implemented as GCRA: one "theoretical arrival time" per key). With the
/// default burst of 1, requests of one key are spaced at least 1/per_second apart, so no
/// one-second window ever holds more than `per_second` of them, whatever window the provider
/// measures. Thread-safe; waiting happens outside the lock, on the injected Clock.
class RateLimiter {
 public:
  /// `per_second` must be > 0 and `burst` >= 1 (std::invalid_argument otherwise). `clock` must
  /// outlive the limiter.
  RateLimiter(Clock& clock, double per_second, int burst = 1);

  /// Reserves the next slot for `key` and sleeps until it arrives. Returns the time slept.
  std::chrono::milliseconds acquire(const std::string& key);

 private:
  Clock& clock_;
  std::chrono::nanoseconds interval_;
  int burst_;
  std::mutex mu_;
  std::map<std::string, std::chrono::steady_clock::time_point> next_;
};

/// HttpClient decorator that calls `limiter.acquire(key)` before every send. Put it under a
/// RetryingClient (RetryingClient -> ThrottledClient -> CurlClient) so retries are throttled too.
/// `key` names the credential the provider counts against (e.g. the key pair's fingerprint).
class ThrottledClient final : public HttpClient {
 public:
  ThrottledClient(HttpClient& inner, RateLimiter& limiter, std::string key)
      : inner_(inner), limiter_(limiter), key_(std::move(key)) {}
  /// Waits for a slot, then forwards to the inner client.
  Exchange send(const Request& request) override;

 private:
  HttpClient& inner_;
  RateLimiter& limiter_;
  std::string key_;
};

}  // namespace golive::net
