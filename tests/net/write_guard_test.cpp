// The HTTP write guard (SPEC §5 defence in depth): no method but GET/HEAD/OPTIONS reaches a
// production target, whatever the spelling, and every refusal is recorded with its origin.
#include <catch2/catch.hpp>

#include "net/fakes.hpp"
#include "net/write_guard.hpp"

using namespace golive::net;
using golive::testing::FakeHttpClient;

namespace {
Request request(std::string method, std::string url, std::string origin = "") {
  Request r;
  r.method = std::move(method);
  r.url = std::move(url);
  r.origin = std::move(origin);
  return r;
}

ProtectedTargets bluum_production() {
  ProtectedTargets t;
  t.hosts = {"api.bluumfinance.com", "service.bluumfinance.com"};
  return t;
}
}  // namespace

TEST_CASE("net.guard: only GET, HEAD and OPTIONS are reads", "[net][unit][safety]") {
  for (const char* m : {"GET", "HEAD", "OPTIONS"}) CHECK(is_read_method(m));
  for (const char* m : {"POST", "PUT", "PATCH", "DELETE", "get", "TRACE", ""}) {
    INFO(m);
    CHECK_FALSE(is_read_method(m));
  }
}

TEST_CASE("net.guard: a write toward a production host is refused in every spelling",
          "[net][unit][safety]") {
  FakeHttpClient inner({golive::testing::response(200)});
  WriteGuard guard(bluum_production());
  GuardedClient client(inner, guard);
  for (const char* url :
       {"https://api.bluumfinance.com/v1/investors", "https://API.BluumFinance.com./v1/x",
        "https://api.bluumfinance.com:443/v1/x", "https://api.bluumfinance.com:8443/v1/x",
        "https://service.bluumfinance.com/v1/x",
        "https://\xef\xbd\x81\xef\xbd\x90\xef\xbd\x89.bluumfinance.com/v1/x"}) {
    for (const char* method : {"POST", "PUT", "PATCH", "DELETE", "post"}) {
      INFO(method << " " << url);
      const auto ex = client.send(request(method, url, "check idempotency.replay"));
      REQUIRE(ex.error() != nullptr);
      CHECK(ex.error()->kind == TransportErrorKind::policy);
      CHECK_THAT(ex.error()->message, Catch::Contains("api.bluumfinance.com") ||
                                          Catch::Contains("service.bluumfinance.com"));
      CHECK_THAT(ex.error()->message, Catch::Contains("check idempotency.replay"));
      REQUIRE(ex.attempts.size() == 1);
      CHECK(ex.attempts[0].status == 0);
    }
  }
  CHECK(inner.requests().empty());
  const auto trips = guard.trips();
  REQUIRE(trips.size() == 30);
  CHECK(trips[0].origin == "check idempotency.replay");
  CHECK(trips[0].method == "POST");
  CHECK(trips[0].url == "https://api.bluumfinance.com/v1/investors");
}

TEST_CASE("net.guard: reads to production and writes elsewhere pass through untouched",
          "[net][unit][safety]") {
  FakeHttpClient inner({golive::testing::response(200)});
  WriteGuard guard(bluum_production());
  GuardedClient client(inner, guard);
  for (const char* m : {"GET", "HEAD", "OPTIONS"}) {
    CHECK(client.send(request(m, "https://api.bluumfinance.com/v1/assets")).response());
  }
  CHECK(client.send(request("POST", "https://sandbox.api.bluumfinance.com/v1/x")).response());
  CHECK(client.send(request("POST", "https://partner.example/hooks")).response());
  CHECK(inner.requests().size() == 5);
  CHECK(guard.trips().empty());
}

TEST_CASE("net.guard: a production target on loopback is protected on its own port only",
          "[net][unit][safety]") {
  ProtectedTargets t;
  auto prod = parse_url("http://127.0.0.1:4100/v1");
  REQUIRE(prod.ok());
  t.add_base_url(*prod.url);
  auto named = parse_url("https://Gateway.Partner.example./v1");
  REQUIRE(named.ok());
  t.add_base_url(*named.url);
  CHECK(t.authorities == std::vector<std::string>{"127.0.0.1:4100"});
  CHECK(t.hosts == std::vector<std::string>{"gateway.partner.example"});

  FakeHttpClient inner({golive::testing::response(201)});
  WriteGuard guard(t);
  GuardedClient client(inner, guard);
  CHECK(client.send(request("POST", "http://127.0.0.1:4100/v1/investors")).error());
  CHECK(client.send(request("POST", "http://0x7f.1:4100/v1/investors")).error());
  CHECK(client.send(request("POST", "https://gateway.partner.example:9443/v1")).error());
  // Another loopback port is another service (the rehearsal's sandbox emulator).
  CHECK(client.send(request("POST", "http://127.0.0.1:4200/v1/investors")).response());
  CHECK(inner.requests().size() == 1);
  CHECK(guard.trips().size() == 3);
}

TEST_CASE("net.guard: OriginClient stamps the origin on every request it forwards",
          "[net][unit][safety]") {
  FakeHttpClient inner({golive::testing::response(200)});
  OriginClient client(inner, "check api.smoke");
  client.send(request("GET", "https://sandbox.api.bluumfinance.com/v1/assets"));
  client.send(request("GET", "https://sandbox.api.bluumfinance.com/v1/assets", "other"));
  const auto seen = inner.requests();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].origin == "check api.smoke");
  CHECK(seen[1].origin == "check api.smoke");
}

TEST_CASE("net.guard: a write carrying a production credential is refused whatever the host",
          "[net][unit][safety]") {
  FakeHttpClient inner({golive::testing::response(200)});
  ProtectedTargets targets;  // one host for both modes: no host listed
  const std::string live = std::string("sk_live_") + "GUARDcanary0123456789";
  targets.credentials.push_back(golive::Secret(live, "test"));
  WriteGuard guard(targets);
  GuardedClient client(inner, guard);

  auto bearer = request("POST", "https://api.blockchain0x.com/v1/payments", "check x");
  bearer.headers.set("Authorization", "Bearer " + live);
  auto x = client.send(bearer);
  REQUIRE(x.error() != nullptr);
  CHECK_THAT(x.error()->message, Catch::Contains("with the credentials of a production target") &&
                                     !Catch::Contains(live));
  auto basic = request("PUT", "http://127.0.0.1:9/v1/x");
  basic.auth = BasicAuth{golive::Secret(live, "t"), golive::Secret("other", "t")};
  CHECK(client.send(basic).error() != nullptr);
  CHECK(inner.requests().empty());
  CHECK(guard.trips().size() == 2);

  // A read with it, and a write with another key, go through.
  auto read = request("GET", "https://api.blockchain0x.com/v1/webhooks");
  read.headers.set("Authorization", "Bearer " + live);
  CHECK(client.send(read).error() == nullptr);
  auto test_write = request("POST", "https://api.blockchain0x.com/v1/payments");
  test_write.headers.set("Authorization", std::string("Bearer sk_test_") + "GUARDother0123456789");
  CHECK(client.send(test_write).error() == nullptr);
  CHECK(inner.requests().size() == 2);
}

TEST_CASE("net.guard: a token issued for a production credential is protected like it",
          "[net][unit][safety]") {
  // One host serves both modes (Basiq): the token exchange is let through, and the Bearer token
  // it answers stands in for the production key from then on.
  auto minted = golive::testing::response(200);
  const std::string token = std::string("eyJ") + "GUARDminted0123456789";
  minted.body = R"({"access_token":")" + token + R"(","token_type":"Bearer","expires_in":3600})";
  FakeHttpClient inner({minted, golive::testing::response(201)});
  ProtectedTargets targets;
  const std::string live = std::string("live-") + "GUARDbasiqkey0123456789";
  targets.credentials.push_back(golive::Secret(live, "test"));
  targets.token_endpoints = {"au-api.basiq.io/token"};
  targets.token_fields = {"access_token"};
  WriteGuard guard(targets);
  GuardedClient client(inner, guard);

  auto exchange = request("POST", "https://au-api.basiq.io/token", "auth.token");
  exchange.headers.set("Authorization", "Basic " + live);
  REQUIRE(client.send(exchange).error() == nullptr);

  auto write = request("POST", "https://au-api.basiq.io/users", "jobs.rehearsal");
  write.headers.set("Authorization", "Bearer " + token);
  auto refused = client.send(write);
  REQUIRE(refused.error() != nullptr);
  CHECK_THAT(refused.error()->message,
             Catch::Contains("with a token issued for a production target's credentials") &&
                 Catch::Contains("jobs.rehearsal") && !Catch::Contains(token));
  CHECK(inner.requests().size() == 1);  // only the token exchange went out

  // A token minted with another (sandbox) key is not learnt: its writes go through.
  auto other = request("POST", "https://au-api.basiq.io/users");
  other.headers.set("Authorization", std::string("Bearer eyJ") + "sandboxToken0123456789");
  CHECK(client.send(other).error() == nullptr);
  CHECK(inner.requests().size() == 2);
}
