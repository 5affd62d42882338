#pragma once
#include "providers/bluum/checks/idempotency/account.hpp"

namespace golive::checks {

/// idempotency.concurrent — `requests` (default 8) identical deposits with one Idempotency-Key,
/// sent at once, create one deposit: every 2xx answer carries the same `dep_` id and the deposit
/// list grows by exactly one. The burst goes out unthrottled and unretried (ctx.raw_http);
/// answers that were rate limited, 5xx or lost are re-sent through the retrying client with the
/// same key. Options: `requests` (2–32), `amount` (default "1.00"), `method`, `rehearsal_id`.
class IdempotencyConcurrent final : public Check {
 public:
  static CheckInfo describe();
  explicit IdempotencyConcurrent(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string rehearsal_id_;
  std::string method_;
  long long cents_;
  int requests_;
};

}  // namespace golive::checks
