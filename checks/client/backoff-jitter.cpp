#include "checks/client/backoff-jitter.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientBackoffJitter::describe() {
  return client::client_info(
      "backoff-jitter", "Backoff delays carry jitter", {"errors.rate-limit"},
      "Backoff delays (after failures without Retry-After) are randomised: the delay before the "
      "same retry number differs across operations by more than 20 ms and 25%, or one series does "
      "not keep a constant ratio (neither fixed nor pure exponential).",
      "Clients that back off on the same schedule retry in lockstep after an outage (thundering "
      "herd).",
      "Use full jitter: sleep uniform in [0, min(cap, base * 2^n)] (peers.md §4.7).");
}

ClientBackoffJitter::ClientBackoffJitter(CheckOptions&) {}

CheckResult ClientBackoffJitter::run(CheckContext& ctx) {
  return client::run_grade("client.backoff-jitter", ctx);
}

}  // namespace golive::checks
