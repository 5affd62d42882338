#include "checks/client/no-retry-client-errors.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientNoRetryClientErrors::describe() {
  return client::client_info(
      "no-retry-client-errors", "Client errors are not retried", {"errors.validation"},
      "After a 400, 401, 403, 404 or 422 the client does not attempt the same operation again "
      "within 30 s (the same Idempotency-Key; without a key, the same method, path, query and "
      "body with no other request in between).",
      "Bluum's retry policy: never retry 400/401/403/404/422 (seed-apis.md §1.5); the answer will "
      "not change and retries burn the rate limit.",
      "Treat 4xx (other than 429) as final: fix the request or the credentials.");
}

ClientNoRetryClientErrors::ClientNoRetryClientErrors(CheckOptions&) {}

CheckResult ClientNoRetryClientErrors::run(CheckContext& ctx) {
  return client::run_grade("client.no-retry-client-errors", ctx);
}

}  // namespace golive::checks
