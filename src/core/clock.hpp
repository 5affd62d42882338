#pragma once
/// Time as a dependency, so backoff, deadlines and expiry can be tested without sleeping.
#include <chrono>
#include <thread>

namespace golive {

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
