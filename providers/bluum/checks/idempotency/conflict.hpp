#pragma once
#include "providers/bluum/checks/idempotency/deposit_proof.hpp"

namespace golive::checks {

/// idempotency.conflict — a deposit's Idempotency-Key reused with a different amount is refused
/// with 409 BLUM-409-002 and creates nothing (SEED §1.5, §1.7). Options: `amount` (default
/// "1.00"; the second request sends twice as much), `method` (manual_bank_transfer | ach),
/// `rehearsal_id`.
class IdempotencyConflict final : public DepositProofCheck {
 public:
  static CheckInfo describe();
  explicit IdempotencyConflict(CheckOptions& options);

 private:
  rehearsal::ProofPlan plan_for(const rehearsal::Account& account) const override;
};

}  // namespace golive::checks
