#pragma once
/// A per-key token bucket, as vendors describe their per-second rate limits.
#include <chrono>
#include <optional>

namespace golive::emukit {

struct TokenBucket {
  double tokens = -1;  ///< -1 until first use, then starts full
  std::chrono::steady_clock::time_point refilled;

  /// Takes one token (capacity and refill rate `per_s`). On an empty bucket returns the whole
  /// seconds to wait (≥ 1, Retry-After has one-second resolution) and takes nothing.
  std::optional<int> take(int per_s, std::chrono::steady_clock::time_point now);
};

/// A fixed window limit such as "1,500 token requests per 5 minutes".
struct WindowCounter {
  std::chrono::steady_clock::time_point window_start;
  int used = 0;
  bool started = false;

  /// Counts one request; on an exhausted window returns the whole seconds until it resets.
  std::optional<int> take(int limit, std::chrono::seconds window,
                          std::chrono::steady_clock::time_point now);
};

}  // namespace golive::emukit
