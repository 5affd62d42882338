#include "engine/http_stack.hpp"

namespace golive {

namespace {
net::CurlOptions curl_options(std::function<void(std::string_view)> trace) {
  net::CurlOptions o;
  o.trace = std::move(trace);
  return o;
}

net::RetryPolicy policy_from(const profile::HttpConfig& c) {
  net::RetryConfig rc;
  rc.max_attempts = c.max_attempts;
  rc.base_ms = std::chrono::milliseconds(c.backoff_base_ms);
  rc.cap_ms = std::chrono::milliseconds(c.backoff_cap_ms);
  return net::RetryPolicy(rc);
}
}  // namespace

HttpStack::HttpStack(const profile::HttpConfig& config, double rate_per_s, Clock& clock,
                     std::chrono::steady_clock::time_point deadline,
                     std::function<void(std::string_view)> trace, net::ProtectedTargets protect)
    : curl_(curl_options(std::move(trace))),
      guard_(std::move(protect)),
      guarded_(curl_, guard_),
      limiter_(clock, rate_per_s > 0 ? rate_per_s : 10.0),
      // One key pair per run: the throttle key is fixed; the limit is the provider's per pair.
      throttled_(guarded_, limiter_, "run"),
      retrying_(throttled_, clock, random_, policy_from(config), deadline) {}

}  // namespace golive
