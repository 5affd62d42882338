// End to end: `bluum-golive audit --env basiq-demo` runs a Basiq client (tests/audit/clients/
// basiq_jobs_client.py) against the Basiq emulator, whose always-failing sandbox users fail their
// jobs, and grades how it polls, refreshes and logs them; `check --audit` folds the grades into
// the Basiq checklist.
#include <catch2/catch.hpp>

#include <set>

#include "audit/grader.hpp"
#include "cli/cli_support.hpp"
#include "printed_grades.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

struct JobsRun {
  ProcessResult p;
  std::string record;
  std::map<std::string, std::string> printed;  ///< grade id → status in the text report
};

const Scratch& scratch() {
  static Scratch s("audit-jobs");
  return s;
}

/// Audits the client in `mode` (correct | naive) under `schedule`.
JobsRun run_mode(const std::string& mode, const std::string& schedule = "none") {
  JobsRun a;
  const std::string name = mode + "-" + schedule;
  a.record = (scratch().path / (name + ".jsonl")).string();
  const std::string log = (scratch().path / (name + ".log")).string();
  scratch().write(name + ".log", "");
  a.p = run_golive(
      {"audit", "--env", "basiq-demo", "--schedule", schedule, "--record", a.record, "--client-log",
       log, "--timeout", "60", "--",
       std::string(GOLIVE_SOURCE_DIR) + "/tests/audit/clients/basiq_jobs_client.py", log, mode},
      {}, 90);
  a.printed = audit::test::printed_grades(a.p.out);
  return a;
}

}  // namespace

TEST_CASE("audit jobs: a client that stops at failed jobs and logs their ids passes") {
  const auto a = run_mode("correct");
  INFO(a.p.out);
  INFO(a.p.err);
  CHECK(a.printed.at("client.job-polling") == "pass");
  CHECK(a.printed.at("client.refresh-rate") == "pass");
  CHECK(a.printed.at("client.job-ids") == "pass");
  CHECK(a.printed.at("client.token-caching") == "pass");
  // Three personas' jobs failed, each with its documented code.
  const auto rec = audit::load_recording(a.record);
  std::set<std::string> codes;
  for (const auto& e : rec.exchanges) {
    if (e.job_state == "failed") codes.insert(e.job_code);
  }
  CHECK(codes == std::set<std::string>{"account-not-accessible-requires-user-action",
                                       "invalid-credentials", "service-unavailable"});
  // The report folds them into Basiq's own items.
  auto report = run_golive({"check", "--env", "basiq-demo", "--audit", a.record, "--only",
                            "client.job-polling,client.refresh-rate,client.job-ids"});
  INFO(report.out);
  CHECK(report.out.find("[verified] The partner's code handles jobs on happy and unhappy paths") !=
        std::string::npos);
  CHECK(report.out.find("[verified] Connections are refreshed manually only on an ad hoc basis") !=
        std::string::npos);
  CHECK(report.out.find("[verified] Error logs include userId, connectionId and jobId") !=
        std::string::npos);
}

TEST_CASE("audit jobs: a client polling failed jobs, refreshing in a loop, logging no ids fails") {
  const auto a = run_mode("naive");
  INFO(a.p.out);
  INFO(a.p.err);
  CHECK(a.printed.at("client.job-polling") == "fail");
  CHECK(a.printed.at("client.refresh-rate") == "fail");
  CHECK(a.printed.at("client.job-ids") == "fail");
  CHECK(a.p.exit_code == 1);
  CHECK(a.p.out.find("more reads after it failed with invalid-credentials") != std::string::npos);
}

TEST_CASE("audit jobs: the correct Basiq client passes every grade under the default faults") {
  // Drops, 429s with Retry-After and 5xx land on its token, user, connection and job requests:
  // it retries with jittered backoff, never retries a client error, logs every correlationId.
  const auto a = run_mode("correct", "default");
  INFO(a.p.out);
  INFO(a.p.err);
  // Basiq has no idempotency key, no published request limit, no trace id in its error body:
  // those grades do not apply.
  std::map<std::string, std::string> all;
  for (const char* id :
       {"client.backoff-growth", "client.backoff-jitter", "client.bounded-attempts",
        "client.credentials", "client.honours-retry-after", "client.job-ids", "client.job-polling",
        "client.no-retry-client-errors", "client.refresh-rate", "client.request-ids",
        "client.token-caching"}) {
    all[id] = "pass";
  }
  CHECK(a.printed == all);
  CHECK(a.p.exit_code == 0);
}
