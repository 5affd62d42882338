#pragma once
#include "providers/bluum/checks/idempotency/account.hpp"

namespace golive::checks {

/// idempotency.replay — a deposit sent twice with the same Idempotency-Key and body answers the
/// same `dep_` id both times, and the rehearsal investor's deposit list grows by exactly one
/// (SEED §1.7). Options: `amount` (default "1.00"), `method` (manual_bank_transfer | ach,
/// default manual_bank_transfer), `rehearsal_id` (stable keys; default: the run id).
class IdempotencyReplay final : public Check {
 public:
  static CheckInfo describe();
  explicit IdempotencyReplay(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string rehearsal_id_;
  std::string method_;
  long long cents_;
};

}  // namespace golive::checks
