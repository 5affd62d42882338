#include "checks/client/honours-retry-after.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientHonoursRetryAfter::describe() {
  return client::client_info(
      "honours-retry-after", "Retry-After is honoured (seconds and HTTP-date)",
      {"errors.rate-limit"},
      "After a 429 (or 5xx) carrying Retry-After, in delay-seconds or HTTP-date form, the client's "
      "next attempt of the same operation comes no earlier than asked (50 ms of slack for clock "
      "granularity).",
      "Bluum answers 429 BLUM-429-001 with Retry-After (seed-apis.md §1.6); retrying sooner "
      "extends the throttling and can trip it for the whole key pair.",
      "Parse both forms of Retry-After (RFC 9110 §10.2.3) and treat the value as the minimum "
      "wait.");
}

ClientHonoursRetryAfter::ClientHonoursRetryAfter(CheckOptions&) {}

CheckResult ClientHonoursRetryAfter::run(CheckContext& ctx) {
  return client::run_grade("client.honours-retry-after", ctx);
}

}  // namespace golive::checks
