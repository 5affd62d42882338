#pragma once
#include "providers/bluum/checks/idempotency/deposit_proof.hpp"

namespace golive::checks {

/// idempotency.replay — a deposit sent twice with the same Idempotency-Key and body answers the
/// same `dep_` id both times, and the rehearsal investor's deposit list grows by exactly one
/// (SEED §1.7). Options: `amount` (default "1.00"), `method` (manual_bank_transfer | ach,
/// default manual_bank_transfer), `rehearsal_id` (stable keys; default: the run id).
class IdempotencyReplay final : public DepositProofCheck {
 public:
  static CheckInfo describe();
  explicit IdempotencyReplay(CheckOptions& options);

 private:
  rehearsal::ProofPlan plan_for(const rehearsal::Account& account) const override;
};

}  // namespace golive::checks
