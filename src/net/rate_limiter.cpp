#include "net/rate_limiter.hpp"

#include <algorithm>
#include <stdexcept>

namespace golive::net {

RateLimiter::RateLimiter(Clock& clock, double per_second, int burst)
    : clock_(clock), interval_(0), burst_(burst) {
  if (!(per_second > 0.0) || burst < 1) {
    throw std::invalid_argument("rate limit needs per_second > 0 and burst >= 1");
  }
  interval_ =
      std::chrono::nanoseconds(static_cast<std::chrono::nanoseconds::rep>(1e9 / per_second));
}

std::chrono::milliseconds RateLimiter::acquire(const std::string& key) {
  std::chrono::nanoseconds wait{0};
  {
    std::lock_guard lock(mu_);
    const auto now = clock_.now();
    auto& next = next_[key];
    const auto tat = std::max(next, now);
    const auto allowed_at = tat - interval_ * (burst_ - 1);
    if (allowed_at > now) wait = allowed_at - now;
    next = tat + interval_;
  }
  // Rounded up: waking a little late is harmless, a little early could exceed the limit.
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait);
  if (ms.count() > 0) clock_.sleep_for(ms);
  return ms;
}

Exchange ThrottledClient::send(const Request& request) {
  limiter_.acquire(key_);
  return inner_.send(request);
}

}  // namespace golive::net
