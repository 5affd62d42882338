#include "providers/bluum/checks/idempotency/conflict.hpp"

namespace golive::checks {

namespace {

constexpr const char* kId = "idempotency.conflict";

}  // namespace

CheckInfo IdempotencyConflict::describe() {
  return rehearsal::rehearsal_info(
      kId, "A reused deposit key with another amount is refused with 409", {"idempotency.deposits"},
      "In the sandbox, a deposit is created with an Idempotency-Key, then the same key is sent "
      "with twice the amount: the answer is 409 BLUM-409-002 and the deposit list holds only the "
      "first deposit. Evidence: both answers with X-Request-Id, the list before and after.",
      "A key reused for a different request must be refused, never silently answered with the "
      "original nor turned into a second deposit (SEED §1.7: same key, different body → 409).",
      "Generate a fresh Idempotency-Key per distinct deposit and reuse it only for retries of "
      "the same request; report a second deposit for one key to the provider.",
      "providers/bluum/checks/idempotency/conflict.md");
}

IdempotencyConflict::IdempotencyConflict(CheckOptions& options) : DepositProofCheck(options, kId) {}

rehearsal::ProofPlan IdempotencyConflict::plan_for(const rehearsal::Account& account) const {
  auto p = rehearsal::transfer_plan(account, "deposits", "deposit",
                                    rehearsal::deposit_body(account, cents(), method()));
  p.replay = false;
  p.conflicting = rehearsal::deposit_body(account, 2 * cents(), method());
  return p;
}

}  // namespace golive::checks
