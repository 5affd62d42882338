// The run's token cache against the Basiq emulator: one token per scope per run, renewed only
// near expiry, a failed exchange not repeated, and the token rate limit never exceeded.
#include <catch2/catch.hpp>

#include "net/fakes.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;
using namespace golive::testing::bq;

namespace {

/// A 200 token answer with `body`.
net::Outcome answer(const std::string& body) {
  net::Response r;
  r.status = 200;
  r.body = body;
  return r;
}

}  // namespace

TEST_CASE("token cache: one token per run, renewed only near expiry", "[basiq][token]") {
  golive::testing::FakeClock clock;
  auto o = Emu::options({}, false, 1500);
  o.clock = &clock;
  golive::basiq::emulator::Emulator emu(o);
  emu.start();
  const auto pack = provider_pack("basiq");
  const auto t = basiq_target(emu.base_url());
  net::CurlClient http;
  TokenCache cache(clock);
  const auto first = cache.get(pack, t, http, std::chrono::seconds(5));
  REQUIRE(first.token);
  CHECK(first.sent_now);
  clock.advance(std::chrono::seconds(3299));  // 3600 s lifetime, renewed 300 s early
  const auto cached = cache.get(pack, t, http, std::chrono::seconds(5));
  CHECK_FALSE(cached.sent_now);
  CHECK(cached.token->reveal() == first.token->reveal());
  CHECK(emu.token_requests() == 1);
  clock.advance(std::chrono::seconds(2));
  const auto renewed = cache.get(pack, t, http, std::chrono::seconds(5));
  CHECK(renewed.sent_now);
  CHECK(renewed.token->reveal() != first.token->reveal());
  CHECK(emu.token_requests() == 2);
}

TEST_CASE(
    "token cache: the request is POST /token, key as issued, basiq-version 3.0, "
    "scope=SERVER_ACCESS",
    "[basiq][token]") {
  FakeHttpClient http(
      {answer(R"({"access_token":"tok-abc-123456","token_type":"Bearer","expires_in":3600})")});
  TokenCache cache(SystemClock::instance());
  const auto pack = provider_pack("basiq");
  const auto t = basiq_target("https://au-api.basiq.io");
  REQUIRE(cache.get(pack, t, http, std::chrono::seconds(5)).token);
  const auto sent = http.requests();
  REQUIRE(sent.size() == 1);
  const auto& req = sent[0];
  CHECK(req.method == "POST");
  CHECK(req.url == "https://au-api.basiq.io/token");
  CHECK(req.headers.get("Authorization") == "Basic " + kKey);
  CHECK(req.headers.get("basiq-version") == "3.0");
  CHECK(req.headers.get("Content-Type") == "application/x-www-form-urlencoded");
  CHECK(req.body == "scope=SERVER_ACCESS");
}

TEST_CASE("token cache: the pack's token limit is never exceeded by the run", "[basiq][token]") {
  FakeHttpClient http(
      {answer(R"({"access_token":"tok-short-12345","token_type":"Bearer","expires_in":1})")});
  golive::testing::FakeClock clock;
  TokenCache cache(clock);
  auto pack = provider_pack("basiq");
  pack.rate_limits = {RateLimit{std::nullopt, "token", 2, 300}};
  const auto t = basiq_target("https://au-api.basiq.io");
  for (int i = 0; i < 2; ++i) {
    REQUIRE(cache.get(pack, t, http, std::chrono::seconds(5)).token);
    clock.advance(std::chrono::seconds(2));  // the 1 s token has expired
  }
  const auto refused = cache.get(pack, t, http, std::chrono::seconds(5));
  CHECK_FALSE(refused.token);
  CHECK_THAT(refused.why, Catch::Contains("published limit"));
  CHECK(http.requests().size() == 2);
  clock.advance(std::chrono::seconds(300));
  CHECK(cache.get(pack, t, http, std::chrono::seconds(5)).token);
}
