#pragma once
#include "providers/bluum/checks/idempotency/account.hpp"

namespace golive::checks {

/// idempotency.withdrawals — the replay and conflict proof for withdrawals (SEED §1.7, §1.10):
/// after funding the rehearsal investor with an ACH deposit (its own key), a withdrawal sent
/// twice with one key answers one `wd_` id, the same key with another amount is refused with
/// 409 BLUM-409-002, and the withdrawal list grows by exactly one. Options: `amount` (default
/// "1.00"; the deposit is four times that), `settle_s` (default 20: how long to wait for the
/// deposit to complete), `rehearsal_id`.
class IdempotencyWithdrawals final : public Check {
 public:
  static CheckInfo describe();
  explicit IdempotencyWithdrawals(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string rehearsal_id_;
  long long cents_;
  int settle_s_;
};

}  // namespace golive::checks
