#pragma once
/// The client stack every check of a run shares: RetryingClient → ThrottledClient →
/// GuardedClient → CurlClient (SPEC §5: TLS on, throttled to the provider's published limit,
/// retries bounded by the run's deadline, and no write ever reaches a production target).
#include <memory>

#include "engine/provider.hpp"
#include "net/curl_client.hpp"
#include "net/rate_limiter.hpp"
#include "net/retrying_client.hpp"
#include "net/write_guard.hpp"
#include "profile/profile.hpp"

namespace golive {

/// Owns the decorators; `client()` is what CheckContext::http points at.
class HttpStack {
 public:
  /// `trace` receives -v lines (already redacted); may be empty. `protect`: the production
  /// targets the write guard covers, below retries and throttling, so `client()` and `raw()` are
  /// both guarded (engine/safety: production_targets()).
  HttpStack(const profile::HttpConfig& config, double rate_per_s, Clock& clock,
            std::chrono::steady_clock::time_point deadline,
            std::function<void(std::string_view)> trace, net::ProtectedTargets protect = {});
  net::HttpClient& client() { return retrying_; }
  /// Unretried, unthrottled, still guarded.
  net::HttpClient& raw() { return guarded_; }
  /// Its trips mean a bug: `check` exits 70 (engine/safety: guard_failure()).
  const net::WriteGuard& guard() const { return guard_; }

 private:
  net::CurlClient curl_;
  net::WriteGuard guard_;
  net::GuardedClient guarded_;
  net::RateLimiter limiter_;
  net::ThrottledClient throttled_;
  net::SystemRandom random_;
  net::RetryingClient retrying_;
};

}  // namespace golive
