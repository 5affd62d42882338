#include "checks/client/token-caching.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientTokenCaching::describe() {
  CheckInfo i = client::client_info(
      "token-caching", "The client caches its access token", {"basics.token-caching"},
      "For a provider whose auth is a token exchange (pack `auth.strategy: token-exchange`), "
      "the client's successful token requests per scope stay within 3 per started hour of run "
      "time (plus the refreshes the token's lifetime needs) and below one per API request. The "
      "audit proxy relays the token request, records its scope and the token's lifetime, never "
      "the token or the key.",
      "The token endpoint is rate limited and blocks clients that ask too often; a token per "
      "request also doubles every request's latency.",
      "Cache the token per scope and reuse it for every request until shortly before it "
      "expires.");
  i.requires_pack = {"token-exchange"};
  return i;
}

ClientTokenCaching::ClientTokenCaching(CheckOptions&) {}

CheckResult ClientTokenCaching::run(CheckContext& ctx) {
  return client::run_grade("client.token-caching", ctx);
}

}  // namespace golive::checks
