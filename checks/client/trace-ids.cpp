#include "checks/client/trace-ids.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientTraceIds::describe() {
  CheckInfo i = client::client_info(
      "trace-ids", "The client logs the trace id of error bodies", {"observability.trace-ids"},
      "Every error the audit proxy injected carries a trace id in the vendor's error body "
      "(`errors.template` places `{trace_id}`), and each one the client received appears in the "
      "client's log, named with `audit --client-log FILE`.",
      "The vendor's support asks for the trace id of a failed request; a client that logs only "
      "the status cannot get help with a failure.",
      "Read the error body of every failed response and log its trace id next to the request "
      "id, method, path and status.");
  i.requires_pack = {"error-trace-id"};
  return i;
}

ClientTraceIds::ClientTraceIds(CheckOptions&) {}

CheckResult ClientTraceIds::run(CheckContext& ctx) {
  return client::run_grade("client.trace-ids", ctx);
}

}  // namespace golive::checks
