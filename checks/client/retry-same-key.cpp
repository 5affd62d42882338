#include "checks/client/retry-same-key.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientRetrySameKey::describe() {
  auto i = client::client_info(
      "retry-same-key", "Retries after a timeout reuse the Idempotency-Key", {"errors.timeouts"},
      "When the audit proxy forwards a deposit or withdrawal and then drops the response (the "
      "client sees a reset or a timeout after the money moved), the client retries with the same "
      "Idempotency-Key; with the embedded emulator upstream, the emulator holds exactly one "
      "deposit per deposit operation.",
      "A timeout does not mean the request failed. A retry with a new key (or none) moves the "
      "money twice.",
      "Create the key before the first attempt and reuse it on every retry of that operation, "
      "including after timeouts and connection resets.");
  i.requires_pack = {"idempotency"};  // a pack without idempotency keys has nothing to grade
  return i;
}

ClientRetrySameKey::ClientRetrySameKey(CheckOptions&) {}

CheckResult ClientRetrySameKey::run(CheckContext& ctx) {
  return client::run_grade("client.retry-same-key", ctx);
}

}  // namespace golive::checks
