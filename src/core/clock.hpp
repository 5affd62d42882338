#pragma once
/// Time as a dependency, so backoff, deadlines and expiry can be tested without sleeping.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

namespace golive {

/// `t` (Unix seconds, e.g. from curl_getdate on a peer's Date, Retry-After or certificate date)
/// as a system_clock time, clamped to 1900..2190. system_clock counts nanoseconds, which span
/// only 292 years either side of 1970: from_time_t() of "31 Dec 9999" overflows, and so does
/// the difference between a date near either end and now. Within the clamp, any two times
/// (and now) are less than 292 years apart, so they can be subtracted safely.
inline std::chrono::system_clock::time_point from_unix_clamped(std::time_t t) {
  constexpr std::time_t earliest = -2208988800;  // 1900-01-01T00:00:00Z
  constexpr std::time_t latest = 6942585600;     // 2190-01-01T00:00:00Z
  return std::chrono::system_clock::from_time_t(std::clamp(t, earliest, latest));
}

/// Monotonic time for deadlines, wall time for dates, and sleeping.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::steady_clock::time_point now() const = 0;
  virtual std::chrono::system_clock::time_point wall_now() const = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

/// The real clock.
class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point wall_now() const override {
    return std::chrono::system_clock::now();
  }
  void sleep_for(std::chrono::milliseconds duration) override {
    std::this_thread::sleep_for(duration);
  }
  /// A process-wide instance.
  static SystemClock& instance() {
    static SystemClock clock;
    return clock;
  }
};

}  // namespace golive
