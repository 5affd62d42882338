#include "providers/bluum/checks/idempotency/deposit_proof.hpp"

namespace golive::checks {

DepositProofCheck::DepositProofCheck(CheckOptions& options, const char* id)
    : id_(id),
      rehearsal_id_(rehearsal::read_rehearsal_id(options)),
      method_(rehearsal::read_deposit_method(options)),
      cents_(rehearsal::read_amount(options, "amount", "1.00")) {}

std::vector<PlannedRequest> DepositProofCheck::planned_requests(const Target& target) const {
  auto out = rehearsal::planned_account(target, rehearsal_id_, id_, method_ == "ach");
  auto proof = rehearsal::planned_proof(target, rehearsal_id_, id_, plan_for({}));
  out.insert(out.end(), proof.begin(), proof.end());
  return out;
}

CheckResult DepositProofCheck::run(CheckContext& ctx) {
  rehearsal::Session s(ctx, id_, rehearsal_id_);
  if (auto missing = s.missing_credentials()) return *missing;
  CheckResult failure;
  auto account = rehearsal::open_account(s, method_ == "ach", failure);
  if (!account) return failure;
  return rehearsal::prove(s, plan_for(*account));
}

}  // namespace golive::checks
