#pragma once
#include "providers/bluum/checks/idempotency/account.hpp"

namespace golive::checks {

/// idempotency.conflict — a deposit's Idempotency-Key reused with a different amount is refused
/// with 409 BLUM-409-002 and creates nothing (SEED §1.5, §1.7). Options: `amount` (default
/// "1.00"; the second request sends twice as much), `method` (manual_bank_transfer | ach),
/// `rehearsal_id`.
class IdempotencyConflict final : public Check {
 public:
  static CheckInfo describe();
  explicit IdempotencyConflict(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string rehearsal_id_;
  std::string method_;
  long long cents_;
};

}  // namespace golive::checks
