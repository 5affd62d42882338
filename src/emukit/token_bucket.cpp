#include "emukit/token_bucket.hpp"

#include <algorithm>
#include <cmath>

namespace golive::emukit {

std::optional<int> TokenBucket::take(int per_s, std::chrono::steady_clock::time_point now) {
  const double capacity = per_s;
  if (tokens < 0) {
    tokens = capacity;
    refilled = now;
  }
  const double elapsed = std::chrono::duration<double>(now - refilled).count();
  if (elapsed > 0) {
    tokens = std::min(capacity, tokens + elapsed * per_s);
    refilled = now;
  }
  if (tokens >= 1.0) {
    tokens -= 1.0;
    return std::nullopt;
  }
  const double wait = (1.0 - tokens) / per_s;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

std::optional<int> WindowCounter::take(int limit, std::chrono::seconds window,
                                       std::chrono::steady_clock::time_point now) {
  if (!started || now - window_start >= window) {
    started = true;
    window_start = now;
    used = 0;
  }
  if (used < limit) {
    ++used;
    return std::nullopt;
  }
  const auto left = std::chrono::ceil<std::chrono::seconds>(window_start + window - now);
  return std::max<int>(1, static_cast<int>(left.count()));
}

}  // namespace golive::emukit
