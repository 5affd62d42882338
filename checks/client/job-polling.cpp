#include "checks/client/job-polling.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientJobPolling::describe() {
  CheckInfo i = client::client_info(
      "job-polling", "The client stops polling a job that failed, with backoff", {"basics.jobs"},
      "For a provider whose clients poll background jobs (pack `jobs`, Basiq: a "
      "connection's job, GET /jobs/{id}), the client reads a job with growing delays while "
      "it runs and stops reading it once a step failed or every step succeeded (at most one "
      "more read). The audit proxy reads each job answer's step statuses and the failed "
      "step's code, and records the job id, never the body.",
      "A client that polls a failed job forever never tells the user to fix their login, "
      "burns the rate limit and hides the failure from support; one that polls without "
      "backoff hammers the API while the bank is slow.",
      "Poll a job with growing delays, stop as soon as a step fails (its result.code says "
      "why: ask the user to act, or retry later) or every step succeeded.");
  i.requires_pack = {"jobs"};
  return i;
}

ClientJobPolling::ClientJobPolling(CheckOptions&) {}

CheckResult ClientJobPolling::run(CheckContext& ctx) {
  return client::run_grade("client.job-polling", ctx);
}

}  // namespace golive::checks
