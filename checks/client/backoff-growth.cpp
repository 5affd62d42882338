#include "checks/client/backoff-growth.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientBackoffGrowth::describe() {
  return client::client_info(
      "backoff-growth", "Backoff grows across consecutive failures",
      {"errors.rate-limit", "errors.server"},
      "Across consecutive failures of one operation without Retry-After (5xx, dropped responses), "
      "the delays grow: in some series, a later delay exceeds the first by 1.5x and 20 ms, or the "
      "later half's mean exceeds the earlier half's by 1.5x and 20 ms. The margins accept full "
      "jitter, whose single samples need not grow.",
      "A fixed retry interval keeps hammering a struggling service; exponential backoff gives it "
      "room (seed-apis.md §1.5).",
      "Double the delay ceiling with each consecutive failure (base * 2^n, capped).");
}

ClientBackoffGrowth::ClientBackoffGrowth(CheckOptions&) {}

CheckResult ClientBackoffGrowth::run(CheckContext& ctx) {
  return client::run_grade("client.backoff-growth", ctx);
}

}  // namespace golive::checks
