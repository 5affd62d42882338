#include <catch2/catch.hpp>

#include "net/fakes.hpp"
#include "net/retry_policy.hpp"

using namespace golive::net;
using golive::testing::FakeClock;
using golive::testing::response;
using golive::testing::ScriptedRandom;
using golive::testing::transport;
using std::chrono::milliseconds;

namespace {

RetryConfig config(int max_attempts = 10, int base = 100, int cap = 1000) {
  RetryConfig c;
  c.max_attempts = max_attempts;
  c.base_ms = milliseconds{base};
  c.cap_ms = milliseconds{cap};
  return c;
}

const auto kNow = FakeClock::epoch();  // Wed, 01 Jan 2025 00:00:00 GMT
const milliseconds kPlenty{3600000};

}  // namespace

TEST_CASE("net.retry: backoff ceiling doubles from base and stops at the cap", "[net][unit]") {
  const RetryPolicy p(config());
  CHECK(p.backoff_ceiling(1) == milliseconds{100});
  CHECK(p.backoff_ceiling(2) == milliseconds{200});
  CHECK(p.backoff_ceiling(3) == milliseconds{400});
  CHECK(p.backoff_ceiling(4) == milliseconds{800});
  CHECK(p.backoff_ceiling(5) == milliseconds{1000});
  CHECK(p.backoff_ceiling(1000) == milliseconds{1000});
}

TEST_CASE("net.retry: full jitter scales the ceiling by the random draw", "[net][unit]") {
  const RetryPolicy p(config());
  ScriptedRandom zero({0.0}), half({0.5}), one({1.0});
  const Outcome busy = response(503);
  CHECK(p.next_delay(3, busy, kNow, kPlenty, zero) == milliseconds{0});
  CHECK(p.next_delay(3, busy, kNow, kPlenty, half) == milliseconds{200});
  CHECK(p.next_delay(3, busy, kNow, kPlenty, one) == milliseconds{400});
  CHECK(p.next_delay(9, busy, kNow, kPlenty, one) == milliseconds{1000});
}

TEST_CASE("net.retry: jittered delays stay within [0, ceiling]", "[net][unit]") {
  const RetryPolicy p(config());
  SystemRandom random;
  const Outcome busy = response(503);
  bool saw_low = false, saw_high = false;
  for (int i = 0; i < 2000; ++i) {
    const int attempt = 1 + i % 6;
    const auto d = p.next_delay(attempt, busy, kNow, kPlenty, random);
    REQUIRE(d.has_value());
    CHECK(*d >= milliseconds{0});
    CHECK(*d <= p.backoff_ceiling(attempt));
    saw_low = saw_low || *d < p.backoff_ceiling(attempt) / 4;
    saw_high = saw_high || *d > p.backoff_ceiling(attempt) * 3 / 4;
  }
  CHECK(saw_low);
  CHECK(saw_high);
}

TEST_CASE("net.retry: honours Retry-After seconds as a minimum", "[net][unit]") {
  const RetryPolicy p(config(10, 1000, 8000));
  ScriptedRandom zero({0.0}), one({1.0});
  const Outcome limited = response(429, "2");
  CHECK(p.next_delay(1, limited, kNow, kPlenty, zero) == milliseconds{2000});
  // A longer jittered backoff wins over a shorter Retry-After.
  CHECK(p.next_delay(3, limited, kNow, kPlenty, one) == milliseconds{4000});
}

TEST_CASE("net.retry: honours Retry-After as an HTTP-date", "[net][unit]") {
  const RetryPolicy p(config());
  ScriptedRandom zero({0.0});
  CHECK(p.next_delay(1, response(503, "Wed, 01 Jan 2025 00:00:05 GMT"), kNow, kPlenty, zero) ==
        milliseconds{5000});
  CHECK(p.next_delay(1, response(503, "Tue, 31 Dec 2024 23:59:00 GMT"), kNow, kPlenty, zero) ==
        milliseconds{0});
}

TEST_CASE("net.retry: parse_retry_after accepts both RFC 9110 forms and nothing else",
          "[net][unit]") {
  CHECK(parse_retry_after("0", kNow) == milliseconds{0});
  CHECK(parse_retry_after(" 3 ", kNow) == milliseconds{3000});
  CHECK(parse_retry_after("Wed, 01 Jan 2025 00:01:00 GMT", kNow) == milliseconds{60000});
  CHECK(parse_retry_after("Wednesday, 01-Jan-25 00:00:05 GMT", kNow) == milliseconds{5000});
  CHECK(parse_retry_after("Wed Jan  1 00:00:05 2025", kNow) == milliseconds{5000});
  CHECK(parse_retry_after("99999999999999999999", kNow) > milliseconds{3600000});
  CHECK_FALSE(parse_retry_after("", kNow).has_value());
  CHECK_FALSE(parse_retry_after("-1", kNow).has_value());
  CHECK_FALSE(parse_retry_after("1.5", kNow).has_value());
  CHECK_FALSE(parse_retry_after("soon", kNow).has_value());
}

TEST_CASE(
    "net.retry: a Retry-After date centuries away is clamped, not overflowed (found by "
    "fuzzing)",
    "[net][unit]") {
  // system_clock counts nanoseconds: converting the year 9999 used to overflow (undefined).
  const auto far = parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", kNow);
  REQUIRE(far.has_value());
  CHECK(*far == parse_retry_after("99999999999999999999", kNow));
  CHECK(parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", kNow) == milliseconds{0});
  CHECK(parse_retry_after("1/DeC1588", kNow) == milliseconds{0});  // long past: no overflow
}

TEST_CASE("net.retry: an unparseable Retry-After falls back to plain backoff", "[net][unit]") {
  const RetryPolicy p(config());
  ScriptedRandom one({1.0});
  CHECK(p.next_delay(1, response(429, "later"), kNow, kPlenty, one) == milliseconds{100});
}

TEST_CASE("net.retry: stops at the attempt cap", "[net][unit]") {
  const RetryPolicy p(config(3));
  ScriptedRandom zero({0.0});
  const Outcome busy = response(502);
  CHECK(p.next_delay(1, busy, kNow, kPlenty, zero).has_value());
  CHECK(p.next_delay(2, busy, kNow, kPlenty, zero).has_value());
  CHECK_FALSE(p.next_delay(3, busy, kNow, kPlenty, zero).has_value());
  CHECK_FALSE(RetryPolicy(config(1)).next_delay(1, busy, kNow, kPlenty, zero).has_value());
}

TEST_CASE("net.retry: stops when the delay would reach the deadline", "[net][unit]") {
  const RetryPolicy p(config());
  ScriptedRandom zero({0.0});
  const Outcome limited = response(429, "2");
  CHECK_FALSE(p.next_delay(1, limited, kNow, milliseconds{1500}, zero).has_value());
  CHECK_FALSE(p.next_delay(1, limited, kNow, milliseconds{2000}, zero).has_value());
  CHECK(p.next_delay(1, limited, kNow, milliseconds{2001}, zero) == milliseconds{2000});
  CHECK_FALSE(p.next_delay(1, response(503), kNow, milliseconds{0}, zero).has_value());
}

TEST_CASE("net.retry: a Retry-After above max_retry_after gives up", "[net][unit]") {
  RetryConfig c = config();
  c.max_retry_after = milliseconds{60000};
  const RetryPolicy p(c);
  ScriptedRandom zero({0.0});
  CHECK(p.next_delay(1, response(429, "60"), kNow, kPlenty, zero) == milliseconds{60000});
  CHECK_FALSE(p.next_delay(1, response(429, "61"), kNow, kPlenty, zero).has_value());
}

TEST_CASE("net.retry: retries 429/502/503/504, timeouts and connect failures", "[net][unit]") {
  const RetryPolicy p;
  for (int status : {429, 502, 503, 504}) CHECK(p.retryable(response(status)));
  CHECK(p.retryable(transport(TransportErrorKind::timeout)));
  CHECK(p.retryable(transport(TransportErrorKind::connect)));
}

TEST_CASE("net.retry: never retries success, client errors or permanent transport failures",
          "[net][unit]") {
  const RetryPolicy p(config());
  ScriptedRandom zero({0.0});
  for (int status : {200, 201, 301, 400, 401, 403, 404, 409, 422, 500}) {
    CAPTURE(status);
    CHECK_FALSE(p.next_delay(1, response(status, "1"), kNow, kPlenty, zero).has_value());
  }
  for (auto kind :
       {TransportErrorKind::dns, TransportErrorKind::tls, TransportErrorKind::policy,
        TransportErrorKind::protocol, TransportErrorKind::too_large, TransportErrorKind::other}) {
    CAPTURE(to_string(kind));
    CHECK_FALSE(p.retryable(transport(kind)));
  }
}

TEST_CASE("net.retry: requests that must not be replayed only retry 429 and connect failures",
          "[net][unit]") {
  const RetryPolicy p;
  CHECK(p.retryable(response(429), false));
  CHECK(p.retryable(transport(TransportErrorKind::connect), false));
  CHECK_FALSE(p.retryable(response(503), false));
  CHECK_FALSE(p.retryable(response(504), false));
  CHECK_FALSE(p.retryable(transport(TransportErrorKind::timeout), false));

  Request r;
  CHECK(replay_safe(r));
  r.method = "POST";
  CHECK_FALSE(replay_safe(r));
  r.headers.set("Idempotency-Key", "run-1-order-1");
  CHECK(replay_safe(r));
  r.method = "PATCH";
  r.headers.remove("idempotency-key");
  CHECK_FALSE(replay_safe(r));
  r.method = "DELETE";
  CHECK(replay_safe(r));
}
