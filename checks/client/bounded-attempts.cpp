#include "checks/client/bounded-attempts.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientBoundedAttempts::describe() {
  return client::client_info(
      "bounded-attempts", "Attempts per operation are bounded", {"errors.server"},
      "No operation is attempted more than 10 times, and at least one operation that kept failing "
      "(the schedule's persistent 503) was given up while it still failed.",
      "An unbounded retry loop turns an outage into a self-inflicted flood and hangs the caller.",
      "Cap the attempts per operation (4-5 in total is common) and surface the last error.");
}

ClientBoundedAttempts::ClientBoundedAttempts(CheckOptions&) {}

CheckResult ClientBoundedAttempts::run(CheckContext& ctx) {
  return client::run_grade("client.bounded-attempts", ctx);
}

}  // namespace golive::checks
