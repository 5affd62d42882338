#pragma once
/// The client stack every check of a run shares: RetryingClient → ThrottledClient → CurlClient
/// (SPEC §5: TLS on, throttled to the provider's published limit, retries bounded by the run's
/// deadline).
#include <memory>

#include "engine/provider.hpp"
#include "net/curl_client.hpp"
#include "net/rate_limiter.hpp"
#include "net/retrying_client.hpp"
#include "profile/profile.hpp"

namespace golive {

/// Owns the decorators; `client()` is what CheckContext::http points at.
class HttpStack {
 public:
  /// `trace` receives -v lines (already redacted); may be empty.
  HttpStack(const profile::HttpConfig& config, double rate_per_s, Clock& clock,
            std::chrono::steady_clock::time_point deadline,
            std::function<void(std::string_view)> trace);
  net::HttpClient& client() { return retrying_; }
  net::HttpClient& raw() { return curl_; }

 private:
  net::CurlClient curl_;
  net::RateLimiter limiter_;
  net::ThrottledClient throttled_;
  net::Mt19937Random random_;
  net::RetryingClient retrying_;
};

}  // namespace golive
