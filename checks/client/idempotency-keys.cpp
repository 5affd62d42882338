#include "checks/client/idempotency-keys.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientIdempotencyKeys::describe() {
  auto i = client::client_info(
      "idempotency-keys", "Idempotency-Key on every deposit and withdrawal",
      {"idempotency.deposits", "idempotency.withdrawals"},
      "Every POST to .../deposits and .../withdrawals the partner's client sent through the audit "
      "proxy carried its own Idempotency-Key, and no key was reused for a different request "
      "(another method, path, query or body).",
      "Without a key a retried deposit after a timeout is processed again: the investor is funded "
      "twice (seed-apis.md §1.7).",
      "Generate a UUID per logical deposit or withdrawal, store it with the operation, and send it "
      "as Idempotency-Key on every attempt.");
  i.requires_pack = {"idempotency"};  // a pack without idempotency keys has nothing to grade
  return i;
}

ClientIdempotencyKeys::ClientIdempotencyKeys(CheckOptions&) {}

CheckResult ClientIdempotencyKeys::run(CheckContext& ctx) {
  return client::run_grade("client.idempotency-keys", ctx);
}

}  // namespace golive::checks
