#include "providers/bluum/checks/idempotency/withdrawals.hpp"

#include <fmt/format.h>

namespace golive::checks {

namespace {

constexpr const char* kId = "idempotency.withdrawals";

rehearsal::ProofPlan plan_for(const rehearsal::Account& account, long long cents) {
  auto p = rehearsal::transfer_plan(account, "withdrawals", "withdrawal",
                                    rehearsal::withdrawal_body(account, cents));
  p.replay = true;
  p.conflicting = rehearsal::withdrawal_body(account, 2 * cents);
  return p;
}

/// Enough cash for the worst case the proof can meet: the original, a duplicate of it and the
/// conflicting double amount all created by an API that ignores the key.
long long funding_cents(long long cents) {
  return 4 * cents;
}

}  // namespace

CheckInfo IdempotencyWithdrawals::describe() {
  return rehearsal::rehearsal_info(
      kId, "A replayed withdrawal returns the original; a reused key is refused",
      {"idempotency.withdrawals"},
      "In the sandbox, after an ACH deposit funds the rehearsal investor, a withdrawal sent twice "
      "with the same Idempotency-Key answers the same wd_ id, the same key with twice the amount "
      "is refused 409 BLUM-409-002, and the withdrawal list grows by exactly one. The withdrawal "
      "is cancelled afterwards (refunding the cash).",
      "A retried withdrawal that is processed twice sends the investor's money out twice; keys "
      "are required on withdrawals for that reason (SEED §1.7).",
      "Send every withdrawal with its Idempotency-Key header intact through to the provider; "
      "report duplicate withdrawal ids to the provider.",
      "providers/bluum/checks/idempotency/withdrawals.md");
}

IdempotencyWithdrawals::IdempotencyWithdrawals(CheckOptions& options)
    : rehearsal_id_(rehearsal::read_rehearsal_id(options)),
      cents_(rehearsal::read_amount(options, "amount", "1.00")),
      settle_s_(options.get_int("settle_s", 20)) {
  if (settle_s_ < 0 || settle_s_ > 300) options.error("settle_s", "must be 0 to 300 seconds");
}

std::vector<PlannedRequest> IdempotencyWithdrawals::planned_requests(const Target& target) const {
  auto out = rehearsal::planned_account(target, rehearsal_id_, kId, true);
  out.push_back(rehearsal::planned(
      target, "POST", "/investors/{inv}/deposits",
      fmt::format("funding: ACH deposit {} USD, Idempotency-Key {}",
                  rehearsal::format_cents(funding_cents(cents_)),
                  rehearsal::planned_key(rehearsal_id_, kId, "funding-deposit"))));
  out.push_back(rehearsal::planned(target, "GET", "/investors/{inv}/deposits/{dep}",
                                   "only while the funding deposit is not yet completed"));
  auto proof = rehearsal::planned_proof(target, rehearsal_id_, kId, plan_for({}, cents_));
  out.insert(out.end(), proof.begin(), proof.end());
  return out;
}

CheckResult IdempotencyWithdrawals::run(CheckContext& ctx) {
  rehearsal::Session s(ctx, kId, rehearsal_id_);
  if (auto missing = s.missing_credentials()) return *missing;
  CheckResult failure;
  auto account = rehearsal::open_account(s, true, failure);
  if (!account) return failure;

  const auto key = s.key("funding-deposit");
  const auto label = "POST /investors/{inv}/deposits (funding, Idempotency-Key " + key + ")";
  auto deposit = s.post(rehearsal::investor_path(*account) + "/deposits",
                        rehearsal::deposit_body(*account, funding_cents(cents_), "ach"), key);
  if (!deposit.ok() || deposit.field("id").empty()) {
    return s.unexpected(deposit, label, "2xx with a dep_ id");
  }
  s.record(deposit, label, "2xx with a dep_ id");
  const auto dep_path = rehearsal::investor_path(*account) + "/deposits/" + deposit.field("id");
  deposit = rehearsal::wait_for_status(s, dep_path, deposit, {"completed"},
                                       std::chrono::seconds(settle_s_),
                                       "GET /investors/{inv}/deposits/{dep}");
  if (!deposit.ok() || deposit.unreadable()) {
    return s.unexpected(deposit, "GET /investors/{inv}/deposits/{dep}", "200");
  }
  if (deposit.field("status") != "completed") {
    return s.result(Status::inconclusive,
                    fmt::format("the funding deposit {} is still {} after {} s, so no withdrawal "
                                "was sent",
                                deposit.field("id"), deposit.field("status"), settle_s_),
                    "raise settle_s if sandbox ACH deposits take longer to complete");
  }
  return rehearsal::prove(s, plan_for(*account, cents_));
}

}  // namespace golive::checks
