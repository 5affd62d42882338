#include "checks/client/job-ids.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientJobIds::describe() {
  CheckInfo i = client::client_info(
      "job-ids", "Job failures are logged with the user, connection and job ids",
      {"support.error-logging"},
      "For a provider whose clients poll background jobs (pack `jobs`), the id of every "
      "failed job the client read, and the ids of the resource it works on (Basiq: userId "
      "and connectionId, from the job's links.source), appear in the client's log (`audit "
      "--client-log FILE`).",
      "Support can only investigate a failed job from its userId, connectionId and jobId; a "
      "log without them turns every ticket into a guessing game.",
      "Log the user id, connection id and job id with every job failure: support needs them "
      "to investigate.");
  i.requires_pack = {"jobs"};
  return i;
}

ClientJobIds::ClientJobIds(CheckOptions&) {}

CheckResult ClientJobIds::run(CheckContext& ctx) {
  return client::run_grade("client.job-ids", ctx);
}

}  // namespace golive::checks
