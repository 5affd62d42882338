#pragma once
#include "providers/bluum/checks/idempotency/account.hpp"

namespace golive::checks {

/// What idempotency.replay and idempotency.conflict share: one deposit proof on the rehearsal
/// investor (rehearsal::prove), planned and run the same way. A subclass gives its describe()
/// and the proof's plan. Options: `amount` (default "1.00"), `method` (manual_bank_transfer |
/// ach, default manual_bank_transfer), `rehearsal_id` (stable keys; default: the run id).
class DepositProofCheck : public Check {
 public:
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 protected:
  /// Reads the options; `id` is the check's id (a string literal).
  DepositProofCheck(CheckOptions& options, const char* id);
  /// The proof's plan for `account` (an empty Account when only planning).
  virtual rehearsal::ProofPlan plan_for(const rehearsal::Account& account) const = 0;
  const std::string& method() const { return method_; }
  long long cents() const { return cents_; }

 private:
  const char* id_;
  std::string rehearsal_id_;
  std::string method_;
  long long cents_;
};

}  // namespace golive::checks
