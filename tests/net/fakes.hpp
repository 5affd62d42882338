#pragma once
/// Recording fakes for the net layer: a clock that sleeps instantly, a scripted random source and
/// a scripted HttpClient. Reusable by any test (include "net/fakes.hpp").
#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "net/http.hpp"
#include "net/retry_policy.hpp"

namespace golive::testing {

/// Time stands still until someone sleeps; each sleep advances both clocks and is logged.
class FakeClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() const override {
    std::lock_guard lock(mu_);
    return steady_;
  }
  std::chrono::system_clock::time_point wall_now() const override {
    std::lock_guard lock(mu_);
    return wall_;
  }
  void sleep_for(std::chrono::milliseconds d) override {
    std::lock_guard lock(mu_);
    sleeps_.push_back(d);
    steady_ += d;
    wall_ += d;
  }
  /// Moves time forward without logging a sleep (time spent elsewhere, e.g. in a request).
  void advance(std::chrono::milliseconds d) {
    std::lock_guard lock(mu_);
    steady_ += d;
    wall_ += d;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mu_);
    return sleeps_;
  }
  /// Wall time starts at 2025-01-01T00:00:00Z so HTTP-dates are easy to write.
  static std::chrono::system_clock::time_point epoch() {
    return std::chrono::system_clock::from_time_t(1735689600);
  }

 private:
  mutable std::mutex mu_;
  std::chrono::steady_clock::time_point steady_{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point wall_ = epoch();
  std::vector<std::chrono::milliseconds> sleeps_;
};

/// Returns the scripted values in order, then repeats the last one.
class ScriptedRandom final : public net::RandomSource {
 public:
  explicit ScriptedRandom(std::vector<double> values) : values_(std::move(values)) {
    if (values_.empty()) throw std::invalid_argument("ScriptedRandom needs values");
  }
  double uniform() override {
    const double v = values_[std::min(next_, values_.size() - 1)];
    ++next_;
    return v;
  }
  size_t calls() const { return next_; }

 private:
  std::vector<double> values_;
  size_t next_ = 0;
};

/// Answers with scripted outcomes in order (the last repeats), records every request, and advances
/// an optional FakeClock by `latency` per call.
class FakeHttpClient final : public net::HttpClient {
 public:
  explicit FakeHttpClient(std::vector<net::Outcome> script, FakeClock* clock = nullptr,
                          std::chrono::milliseconds latency = std::chrono::milliseconds{10})
      : script_(std::move(script)), clock_(clock), latency_(latency) {}
  net::Exchange send(const net::Request& request) override {
    std::lock_guard lock(mu_);
    requests_.push_back(request);
    if (clock_ != nullptr) clock_->advance(latency_);
    const size_t i = std::min(requests_.size() - 1, script_.size() - 1);
    return net::Exchange{script_.at(i), {}};
  }
  std::vector<net::Request> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<net::Outcome> script_;
  FakeClock* clock_;
  std::chrono::milliseconds latency_;
  std::vector<net::Request> requests_;
};

/// The exchange's response; throws (failing the test) when it ended in a transport error.
inline const net::Response& response_of(const net::Exchange& ex) {
  if (const auto* r = ex.response()) return *r;
  throw std::runtime_error("expected a response, got " + ex.error()->message);
}

/// The exchange's transport error; throws (failing the test) when a response came back.
inline const net::TransportError& error_of(const net::Exchange& ex) {
  if (const auto* e = ex.error()) return *e;
  throw std::runtime_error("expected a transport error, got status " +
                           std::to_string(ex.response()->status));
}

/// A Response with `status` and optional Retry-After.
inline net::Response response(int status, const std::string& retry_after = "") {
  net::Response r;
  r.status = status;
  if (!retry_after.empty()) r.headers.set("Retry-After", retry_after);
  return r;
}

/// A TransportError of `kind`.
inline net::TransportError transport(net::TransportErrorKind kind) {
  return net::TransportError{kind, std::string(net::to_string(kind)), std::chrono::milliseconds{0}};
}

}  // namespace golive::testing
