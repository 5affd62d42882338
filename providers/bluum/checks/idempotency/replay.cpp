#include "providers/bluum/checks/idempotency/replay.hpp"

namespace golive::checks {

namespace {

constexpr const char* kId = "idempotency.replay";

rehearsal::ProofPlan plan_for(const rehearsal::Account& account, const std::string& method,
                              long long cents) {
  auto p = rehearsal::transfer_plan(account, "deposits", "deposit",
                                    rehearsal::deposit_body(account, cents, method));
  p.replay = true;
  return p;
}

}  // namespace

CheckInfo IdempotencyReplay::describe() {
  return rehearsal::rehearsal_info(
      kId, "A replayed deposit returns the original and creates nothing", {"idempotency.deposits"},
      "In the sandbox, a deposit sent twice with the same Idempotency-Key and body answers the "
      "same dep_ id both times, and the rehearsal investor's deposit list grows by exactly one. "
      "Evidence: both X-Request-Ids, the ids, the list before and after.",
      "A client that retries a deposit after a timeout must not move money twice; the provider "
      "promises that the same key and body return the original response (SEED §1.7).",
      "Send every deposit through the provider directly with its Idempotency-Key header intact "
      "(proxies and gateways must not drop it); report duplicate ids to the provider.",
      "providers/bluum/checks/idempotency/replay.md");
}

IdempotencyReplay::IdempotencyReplay(CheckOptions& options)
    : rehearsal_id_(rehearsal::read_rehearsal_id(options)),
      method_(rehearsal::read_deposit_method(options)),
      cents_(rehearsal::read_amount(options, "amount", "1.00")) {}

std::vector<PlannedRequest> IdempotencyReplay::planned_requests(const Target& target) const {
  auto out = rehearsal::planned_account(target, rehearsal_id_, kId, method_ == "ach");
  auto proof = rehearsal::planned_proof(target, rehearsal_id_, kId, plan_for({}, method_, cents_));
  out.insert(out.end(), proof.begin(), proof.end());
  return out;
}

CheckResult IdempotencyReplay::run(CheckContext& ctx) {
  rehearsal::Session s(ctx, kId, rehearsal_id_);
  if (auto missing = s.missing_credentials()) return *missing;
  CheckResult failure;
  auto account = rehearsal::open_account(s, method_ == "ach", failure);
  if (!account) return failure;
  return rehearsal::prove(s, plan_for(*account, method_, cents_));
}

}  // namespace golive::checks
