#include <catch2/catch.hpp>

#include <thread>

#include "net/fakes.hpp"
#include "net/rate_limiter.hpp"

using namespace golive::net;
using golive::testing::FakeClock;
using golive::testing::FakeHttpClient;
using golive::testing::response;
using golive::testing::response_of;
using std::chrono::milliseconds;
using Sleeps = std::vector<milliseconds>;

TEST_CASE("net.ratelimit: spaces one key's requests 1/rate apart", "[net][unit]") {
  FakeClock clock;
  RateLimiter limiter(clock, 10.0);
  CHECK(limiter.acquire("key-a") == milliseconds{0});
  CHECK(limiter.acquire("key-a") == milliseconds{100});
  CHECK(limiter.acquire("key-a") == milliseconds{100});
  CHECK(clock.sleeps() == Sleeps{milliseconds{100}, milliseconds{100}});
}

TEST_CASE("net.ratelimit: keys are throttled independently", "[net][unit]") {
  FakeClock clock;
  RateLimiter limiter(clock, 10.0);
  CHECK(limiter.acquire("sandbox-key") == milliseconds{0});
  CHECK(limiter.acquire("production-key") == milliseconds{0});
  CHECK(limiter.acquire("sandbox-key") == milliseconds{100});
}

TEST_CASE("net.ratelimit: a burst goes back to back, then requests are spaced", "[net][unit]") {
  FakeClock clock;
  RateLimiter limiter(clock, 10.0, 3);
  CHECK(limiter.acquire("k") == milliseconds{0});
  CHECK(limiter.acquire("k") == milliseconds{0});
  CHECK(limiter.acquire("k") == milliseconds{0});
  CHECK(limiter.acquire("k") == milliseconds{100});
}

TEST_CASE("net.ratelimit: idle time is not banked beyond the burst", "[net][unit]") {
  FakeClock clock;
  RateLimiter limiter(clock, 10.0);
  limiter.acquire("k");
  clock.advance(milliseconds{10000});
  CHECK(limiter.acquire("k") == milliseconds{0});
  CHECK(limiter.acquire("k") == milliseconds{100});
}

TEST_CASE("net.ratelimit: no one-second window ever holds more than the limit", "[net][unit]") {
  FakeClock clock;
  RateLimiter limiter(clock, 25.0);
  std::vector<std::chrono::steady_clock::time_point> sent;
  for (int i = 0; i < 100; ++i) {
    limiter.acquire("k");
    sent.push_back(clock.now());
    clock.advance(milliseconds{i % 7});  // callers do some work between requests
  }
  for (size_t i = 0; i < sent.size(); ++i) {
    const auto in_window = std::count_if(sent.begin() + static_cast<long>(i), sent.end(),
                                         [&](auto t) { return t - sent[i] < milliseconds{1000}; });
    CHECK(in_window <= 25);
  }
}

TEST_CASE("net.ratelimit: rejects a zero rate or an empty burst", "[net][unit]") {
  FakeClock clock;
  CHECK_THROWS_AS(RateLimiter(clock, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(RateLimiter(clock, 10.0, 0), std::invalid_argument);
}

TEST_CASE("net.ratelimit: ThrottledClient waits for a slot before every send", "[net][unit]") {
  FakeClock clock;
  RateLimiter limiter(clock, 25.0);
  FakeHttpClient inner({response(200)}, nullptr);
  ThrottledClient client(inner, limiter, "key-pair-1");
  Request r;
  r.url = "https://api.example.test/v1/assets";
  for (int i = 0; i < 3; ++i) CHECK(response_of(client.send(r)).status == 200);
  CHECK(inner.requests().size() == 3);
  CHECK(clock.sleeps() == Sleeps{milliseconds{40}, milliseconds{40}});
}

TEST_CASE("net.ratelimit: concurrent callers share one key's budget", "[net][integration]") {
  golive::SystemClock clock;
  RateLimiter limiter(clock, 50.0);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) limiter.acquire("shared");
    });
  }
  for (auto& t : threads) t.join();
  // 20 requests at 50/s: the last may go no earlier than 19 * 20 ms after the first.
  CHECK(std::chrono::steady_clock::now() - start >= milliseconds{380});
}
