#include "checks/client/request-ids.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientRequestIds::describe() {
  return client::client_info(
      "request-ids", "The client logs X-Request-Id", {"observability.request-ids"},
      "Every X-Request-Id the client received through the audit proxy (forwarded from the upstream "
      "or issued by the proxy for an injected fault) appears in the client's log, named with "
      "`audit --client-log FILE`.",
      "Bluum support finds a request by its X-Request-Id (seed-apis.md §1.5); a client that does "
      "not log it cannot get help with a failure.",
      "Log the X-Request-Id response header of every Bluum response, and trace_id from error "
      "bodies.");
}

ClientRequestIds::ClientRequestIds(CheckOptions&) {}

CheckResult ClientRequestIds::run(CheckContext& ctx) {
  return client::run_grade("client.request-ids", ctx);
}

}  // namespace golive::checks
