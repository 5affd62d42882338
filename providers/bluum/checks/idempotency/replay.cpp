#include "providers/bluum/checks/idempotency/replay.hpp"

namespace golive::checks {

namespace {

constexpr const char* kId = "idempotency.replay";

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

IdempotencyReplay::IdempotencyReplay(CheckOptions& options) : DepositProofCheck(options, kId) {}

rehearsal::ProofPlan IdempotencyReplay::plan_for(const rehearsal::Account& account) const {
  auto p = rehearsal::transfer_plan(account, "deposits", "deposit",
                                    rehearsal::deposit_body(account, cents(), method()));
  p.replay = true;
  return p;
}

}  // namespace golive::checks
