#pragma once
#include "providers/bluum/checks/idempotency/account.hpp"

namespace golive::checks {

/// lifecycle.rehearsal — the documented sandbox lifecycle end to end (SEED §1.9–§1.12): an
/// investor is created and KYC-approved, a funding source linked, an ACH deposit completes, a
/// market buy fills, the position is visible, a withdrawal is created (then cancelled), and the
/// error paths answer the documented envelope (invalid input → 400 BLUM-400-*, unknown id →
/// 404 BLUM-404-*). Every write carries a deterministic Idempotency-Key, so re-running a killed
/// rehearsal with the same `rehearsal_id` replays its steps instead of repeating them. Options:
/// `amount` (default "1.00": deposit twice that, buy and withdraw that), `symbol` (AAPL),
/// `settle_s` (20), `rehearsal_id`.
class LifecycleRehearsal final : public Check {
 public:
  static CheckInfo describe();
  explicit LifecycleRehearsal(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string rehearsal_id_;
  long long cents_;
  std::string symbol_;
  int settle_s_;
};

}  // namespace golive::checks
