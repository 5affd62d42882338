#pragma once
#include "providers/blockchain0x/checks/idempotency/payment.hpp"

namespace golive::checks {

/// idempotency.conflict (Blockchain0x) — in test mode, a payment's Idempotency-Key reused with
/// another amount is refused with 409 idempotency.conflict and nothing else is created
/// (seed-apis.md §2.5). Options: `agent_id`, `to`, `amount_wei`, `rehearsal_id`.
class PaymentConflict final : public Check {
 public:
  static CheckInfo describe();
  explicit PaymentConflict(CheckOptions& options) : options_(payment::read_options(options)) {}
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  payment::PaymentOptions options_;
};

}  // namespace golive::checks
