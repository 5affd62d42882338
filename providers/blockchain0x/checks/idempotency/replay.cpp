#include "providers/blockchain0x/checks/idempotency/replay.hpp"

namespace golive::checks {

namespace {
constexpr const char* kId = "idempotency.replay";
}  // namespace

CheckInfo PaymentReplay::describe() {
  return payment::proof_info(
      kId, "A replayed test-mode payment returns the original and pays once",
      "In test mode (sk_test_ key, X-Network: testnet), a payment sent twice with the same "
      "Idempotency-Key and body answers the same pay_ id both times, and the payment list grows "
      "by exactly one. Evidence: both x-request-ids, the ids, the list before and after.",
      "A client that retries a payment after a timeout must never pay twice; Blockchain0x "
      "collapses retries with one key into one chain transfer for 24 h (seed-apis.md §2.5).",
      "Send every payment straight to the API with its Idempotency-Key intact (proxies must not "
      "drop it); report a second payment for one key to Blockchain0x with both request ids.",
      "providers/blockchain0x/checks/idempotency/replay.md");
}

std::vector<PlannedRequest> PaymentReplay::planned_requests(const Target& target) const {
  return payment::planned(target, kId, options_, true, false);
}

CheckResult PaymentReplay::run(CheckContext& ctx) {
  return payment::run(ctx, kId, options_, true, false);
}

}  // namespace golive::checks
