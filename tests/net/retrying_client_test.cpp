#include <catch2/catch.hpp>

#include "net/fakes.hpp"
#include "net/retrying_client.hpp"

using namespace golive::net;
using golive::testing::error_of;
using golive::testing::FakeClock;
using golive::testing::FakeHttpClient;
using golive::testing::response;
using golive::testing::response_of;
using golive::testing::ScriptedRandom;
using golive::testing::transport;
using std::chrono::milliseconds;
using Sleeps = std::vector<milliseconds>;

namespace {

Request get(const std::string& url = "https://api.example.test/v1/assets") {
  Request r;
  r.url = url;
  r.timeout = milliseconds{10000};
  r.connect_timeout = milliseconds{5000};
  return r;
}

}  // namespace

TEST_CASE("net.retrying: retries until success and records every attempt with its wait",
          "[net][unit]") {
  FakeClock clock;
  FakeHttpClient inner({response(429, "2"), response(503), response(200)}, &clock);
  ScriptedRandom random({0.5});
  RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{60000});

  const Exchange ex = client.send(get());

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 200);
  CHECK(clock.sleeps() == Sleeps{milliseconds{2000}, milliseconds{500}});
  REQUIRE(ex.attempts.size() == 3);
  CHECK(ex.attempts[0].status == 429);
  CHECK(ex.attempts[0].waited_before == milliseconds{0});
  CHECK(ex.attempts[1].status == 503);
  CHECK(ex.attempts[1].waited_before == milliseconds{2000});
  CHECK(ex.attempts[2].status == 200);
  CHECK(ex.attempts[2].waited_before == milliseconds{500});
  CHECK(ex.attempts[2].url == "https://api.example.test/v1/assets");
}

TEST_CASE("net.retrying: clips each attempt's timeouts to the time left", "[net][unit]") {
  FakeClock clock;
  FakeHttpClient inner({response(503), response(200)}, &clock, milliseconds{100});
  ScriptedRandom random({1.0});  // first backoff = base = 500 ms
  RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{3000});

  const Exchange ex = client.send(get());

  REQUIRE(ex.response() != nullptr);
  const auto sent = inner.requests();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].timeout == milliseconds{3000});
  CHECK(sent[0].connect_timeout == milliseconds{3000});
  CHECK(sent[1].timeout == milliseconds{3000 - 100 - 500});
}

TEST_CASE("net.retrying: never sleeps past the deadline", "[net][unit]") {
  FakeClock clock;
  FakeHttpClient inner({response(429, "2"), response(200)}, &clock);
  ScriptedRandom random({0.0});
  RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{1500});

  const Exchange ex = client.send(get());

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 429);
  CHECK(ex.attempts.size() == 1);
  CHECK(clock.sleeps().empty());
}

TEST_CASE("net.retrying: a passed deadline sends nothing", "[net][unit]") {
  FakeClock clock;
  FakeHttpClient inner({response(200)}, &clock);
  ScriptedRandom random({0.0});
  RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now());

  const Exchange ex = client.send(get());

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::timeout);
  CHECK(error_of(ex).message == "run deadline reached before the request was sent");
  CHECK(inner.requests().empty());
  CHECK(ex.attempts.empty());
}

TEST_CASE("net.retrying: stops at once on a non-retryable status", "[net][unit]") {
  FakeClock clock;
  FakeHttpClient inner({response(404), response(200)}, &clock);
  ScriptedRandom random({0.0});
  RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{60000});

  const Exchange ex = client.send(get());

  CHECK(response_of(ex).status == 404);
  CHECK(inner.requests().size() == 1);
}

TEST_CASE("net.retrying: gives up after max_attempts and reports the last outcome", "[net][unit]") {
  FakeClock clock;
  FakeHttpClient inner({transport(TransportErrorKind::timeout)}, &clock);
  ScriptedRandom random({1.0});
  RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{60000});

  const Exchange ex = client.send(get());

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::timeout);
  CHECK(inner.requests().size() == 4);
  CHECK(clock.sleeps() == Sleeps{milliseconds{500}, milliseconds{1000}, milliseconds{2000}});
  REQUIRE(ex.attempts.size() == 4);
  CHECK(ex.attempts[3].error == "timeout: timeout");
  CHECK(ex.attempts[3].status == 0);
}

TEST_CASE("net.retrying: a POST without Idempotency-Key is not replayed after a timeout",
          "[net][unit]") {
  FakeClock clock;
  ScriptedRandom random({0.0});
  Request post = get();
  post.method = "POST";
  post.body = R"({"qty":1})";
  {
    FakeHttpClient inner({transport(TransportErrorKind::timeout), response(201)}, &clock);
    RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{60000});
    CHECK(client.send(post).error() != nullptr);
    CHECK(inner.requests().size() == 1);
  }
  post.headers.set("Idempotency-Key", "run-42-order-1");
  {
    FakeHttpClient inner({transport(TransportErrorKind::timeout), response(201)}, &clock);
    RetryingClient client(inner, clock, random, RetryPolicy{}, clock.now() + milliseconds{60000});
    CHECK(response_of(client.send(post)).status == 201);
    CHECK(inner.requests().size() == 2);
  }
}
