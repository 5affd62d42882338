#include "providers/blockchain0x/checks/idempotency/conflict.hpp"

namespace golive::checks {

namespace {
constexpr const char* kId = "idempotency.conflict";
}  // namespace

CheckInfo PaymentConflict::describe() {
  auto i = payment::proof_info(
      kId, "A reused payment key with another amount is refused with 409",
      "In test mode (sk_test_ key, X-Network: testnet), a payment is created with an "
      "Idempotency-Key, then the same key is sent with twice the amount: the answer is 409 "
      "idempotency.conflict and the payment list holds only the first payment. Evidence: both "
      "answers with x-request-id, the list before and after.",
      "A key reused for a different payment must be refused, never answered with the original "
      "nor turned into a second transfer (seed-apis.md §2.5: same key, other body → 409).",
      "Mint a fresh Idempotency-Key per distinct payment and reuse it only for retries of the "
      "same request; report a second payment for one key to Blockchain0x.",
      "providers/blockchain0x/checks/idempotency/conflict.md");
  // Both proofs count the key's one payment list: they run one after the other.
  i.prerequisites = {"idempotency.replay"};
  return i;
}

std::vector<PlannedRequest> PaymentConflict::planned_requests(const Target& target) const {
  return payment::planned(target, kId, options_, false, true);
}

CheckResult PaymentConflict::run(CheckContext& ctx) {
  return payment::run(ctx, kId, options_, false, true);
}

}  // namespace golive::checks
