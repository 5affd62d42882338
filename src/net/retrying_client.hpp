#pragma once
/// HttpClient decorator that retries transient failures according to a RetryPolicy.
#include <chrono>

#include "core/clock.hpp"
#include "net/http.hpp"
#include "net/retry_policy.hpp"

namespace golive::net {

/// Sends through `inner`, retrying what `policy` allows, sleeping on `clock`, and never past
/// `deadline` (the run's absolute deadline): each attempt's total and connect timeouts are clipped
/// to the time left, and a backoff that would reach the deadline ends the exchange instead.
/// Every attempt is appended to Exchange::attempts with the backoff slept before it, so checks can
/// show the schedule as evidence. The outcome is the last attempt's. POST/PATCH without an
/// Idempotency-Key are retried only where the server provably did not act (see RetryConfig).
/// Thread-safe if `inner`, `clock` and `random` are. All references must outlive this object.
class RetryingClient final : public HttpClient {
 public:
  RetryingClient(HttpClient& inner, Clock& clock, RandomSource& random, RetryPolicy policy,
                 std::chrono::steady_clock::time_point deadline)
      : inner_(inner),
        clock_(clock),
        random_(random),
        policy_(std::move(policy)),
        deadline_(deadline) {}

  /// Never throws for HTTP or transport problems. A deadline already passed gives a `timeout`
  /// TransportError without sending.
  Exchange send(const Request& request) override;

 private:
  HttpClient& inner_;
  Clock& clock_;
  RandomSource& random_;
  RetryPolicy policy_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace golive::net
