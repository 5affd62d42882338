#pragma once
#include "providers/blockchain0x/checks/idempotency/payment.hpp"

namespace golive::checks {

/// idempotency.replay (Blockchain0x) — in test mode, a payment sent twice with one
/// Idempotency-Key answers one payment id and the payment list grows by exactly one
/// (seed-apis.md §2.5). Options: `agent_id`, `to`, `amount_wei`, `rehearsal_id`.
class PaymentReplay final : public Check {
 public:
  static CheckInfo describe();
  explicit PaymentReplay(CheckOptions& options) : options_(payment::read_options(options)) {}
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  payment::PaymentOptions options_;
};

}  // namespace golive::checks
