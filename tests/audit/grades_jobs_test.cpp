// The job grades (pack `jobs`, Basiq): job-polling, refresh-rate, job-ids, and what the proxy
// reads from a job answer. Each grade is shown passing a correct client, failing a broken one,
// and inconclusive or skipped when the run could not show it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "audit/grader.hpp"
#include "audit/proxy_jobs.hpp"
#include "engine/packs.hpp"
#include "recording_builder.hpp"

using namespace golive;
using namespace golive::audit;
using golive::audit::test::Builder;

namespace {

/// A Builder for a provider with jobs (the Basiq pack's facts).
Builder jobs_builder() {
  Builder b;
  b.rec.header.provider = "basiq";
  b.rec.header.money_kinds = {"user", "connection", "job"};
  b.rec.header.idempotency_header.clear();
  b.rec.header.jobs_path = "/jobs/*";
  return b;
}

/// A read of job `id` at `t` ms in `state` (failed ones with `code` and their resource's ids).
ExchangeRecord& read(Builder& b, const std::string& id, const std::string& state, double t,
                     const std::string& code = "") {
  auto& e = b.add("GET", "/jobs/" + id, 200, t);
  e.job_id = id;
  e.job_state = state;
  e.job_code = code;
  e.job_ids = {{"userId", "u-1"}, {"connectionId", "c-" + id}};
  return e;
}

}  // namespace

TEST_CASE("job-polling: stops at a failed step; keeps polling is a failure") {
  auto good = jobs_builder();
  read(good, "j1", "running", 0);
  read(good, "j1", "running", 100);
  read(good, "j1", "done", 300);
  read(good, "j2", "running", 400);
  read(good, "j2", "failed", 500, "invalid-credentials");
  auto pass = grade_job_polling(good.rec);
  CHECK(pass.status == Status::pass);
  CHECK(pass.summary == "the client stopped polling each ended job (1 failed, 2 read in all)");

  auto bad = good;
  for (int i = 0; i < 3; ++i) read(bad, "j2", "failed", 600 + i * 50.0, "invalid-credentials");
  auto fail = grade_job_polling(bad.rec);
  CHECK(fail.status == Status::fail);
  CHECK_FALSE(fail.fix.empty());
  REQUIRE(fail.evidence.size() == 1);
  CHECK(fail.evidence[0].observed.find("3 more reads after it failed with invalid-credentials") ==
        0);

  // One more read after the end (logging the failure's details) is allowed.
  auto once = good;
  read(once, "j2", "failed", 600, "invalid-credentials");
  CHECK(grade_job_polling(once.rec).status == Status::pass);
}

TEST_CASE("job-polling: a busy loop on a running job fails; backoff or a steady poll passes") {
  auto tight = jobs_builder();
  for (int i = 0; i < 12; ++i) read(tight, "j1", "running", i * 20.0);
  read(tight, "j2", "failed", 1000, "service-unavailable");
  auto fail = grade_job_polling(tight.rec);
  CHECK(fail.status == Status::fail);
  CHECK(fail.evidence.at(0).expected == "growing delays between reads of a running job");

  auto backoff = jobs_builder();
  double t = 0;
  for (int i = 0; i < 12; ++i, t += 20.0 * (1 << std::min(i, 6))) read(backoff, "j1", "running", t);
  read(backoff, "j2", "failed", t + 10, "service-unavailable");
  CHECK(grade_job_polling(backoff.rec).status == Status::pass);

  // A fixed poll every 500 ms is slow enough: not a busy loop.
  auto steady = jobs_builder();
  for (int i = 0; i < 15; ++i) read(steady, "j1", "running", i * 502.0);
  read(steady, "j2", "failed", 9000, "service-unavailable");
  CHECK(grade_job_polling(steady.rec).status == Status::pass);
}

TEST_CASE("job-polling: inconclusive without a failed job, skipped without jobs") {
  auto happy = jobs_builder();
  read(happy, "j1", "running", 0);
  read(happy, "j1", "done", 100);
  auto r = grade_job_polling(happy.rec);
  CHECK(r.status == Status::inconclusive);
  CHECK(r.summary.find("none of the 1 job(s) the client read failed") == 0);
  CHECK(grade_job_polling(jobs_builder().rec).status == Status::inconclusive);
  Builder bluum;
  CHECK(grade_job_polling(bluum.rec).status == Status::skip);
  const auto ids = grade_ids_for(jobs_builder().rec.header);
  CHECK(std::count(ids.begin(), ids.end(), "client.job-polling") == 1);
  const auto none = grade_ids_for(bluum.rec.header);
  CHECK(std::count(none.begin(), none.end(), "client.job-polling") == 0);
}

TEST_CASE("refresh-rate: a refresh loop on one connection fails; ad hoc refreshes pass") {
  auto adhoc = jobs_builder();
  CHECK(grade_refresh_rate(adhoc.rec).status == Status::inconclusive);  // no refresh at all
  auto& one = adhoc.add("POST", "/users/u-1/connections/c-1/refresh", 202, 0);
  one.refresh = true;
  auto& other = adhoc.add("POST", "/users/u-1/connections/c-2/refresh", 202, 50);
  other.refresh = true;
  auto pass = grade_refresh_rate(adhoc.rec);
  CHECK(pass.status == Status::pass);
  CHECK(pass.summary == "2 refresh(es) of 2 target(s), at most 3 each: no refresh loop");

  auto loop = jobs_builder();
  for (int i = 0; i < 5; ++i) {
    loop.add("POST", "/users/u-1/connections/c-1/refresh", 202, i * 100.0).refresh = true;
  }
  auto fail = grade_refresh_rate(loop.rec);
  CHECK(fail.status == Status::fail);
  CHECK(fail.evidence.at(0).observed == "5 refresh(es) from +0 ms to +400 ms");

  // Refreshes answered with a fault are retries, not a loop.
  auto retried = jobs_builder();
  for (int i = 0; i < 5; ++i) {
    retried.add("POST", "/users/u-1/connections/c-1/refresh", 503, i * 100.0).refresh = true;
  }
  retried.add("POST", "/users/u-1/connections/c-1/refresh", 202, 900).refresh = true;
  CHECK(grade_refresh_rate(retried.rec).status == Status::pass);
}

TEST_CASE("job-ids: every failed job's userId, connectionId and jobId must be in the log") {
  auto b = jobs_builder();
  read(b, "j1", "done", 0);
  CHECK(grade_job_ids(b.rec, std::string("x")).status == Status::inconclusive);  // none failed
  read(b, "j2", "failed", 100, "invalid-credentials");
  CHECK(grade_job_ids(b.rec, std::string("x")).status == Status::inconclusive);  // no log named
  b.rec.header.client_log = "/tmp/client.log";
  CHECK(grade_job_ids(b.rec, std::nullopt).status == Status::inconclusive);  // unreadable
  auto pass = grade_job_ids(b.rec, std::string("failed userId=u-1 connectionId=c-j2 jobId=j2\n"));
  CHECK(pass.status == Status::pass);
  auto fail = grade_job_ids(b.rec, std::string("job failed: invalid-credentials\n"));
  CHECK(fail.status == Status::fail);
  REQUIRE(fail.evidence.size() == 1);
  CHECK(fail.evidence[0].observed == "missing connectionId c-j2, jobId j2, userId u-1");
  auto partial = grade_job_ids(b.rec, std::string("jobId=j2 userId=u-1\n"));
  CHECK(partial.status == Status::fail);
  CHECK(partial.evidence[0].observed == "missing connectionId c-j2");
}

TEST_CASE("proxy: a job answer gives its id, state, code and the ids of its connection") {
  const JobSpec& jobs = *provider_pack("basiq").jobs;
  const std::string failed = R"({"type":"job","id":"j9","steps":[
      {"title":"verify-credentials","status":"failed","result":{"code":"invalid-credentials"}},
      {"title":"retrieve-accounts","status":"pending","result":null}],
      "links":{"self":"https://au-api.basiq.io/jobs/j9",
               "source":"https://au-api.basiq.io/users/u-7/connections/c-3"}})";
  ExchangeRecord e;
  e.method = "GET";
  e.client_status = 200;
  read_job_answer(jobs, "/jobs/j9", failed, e);
  CHECK(e.job_id == "j9");
  CHECK(e.job_state == "failed");
  CHECK(e.job_code == "invalid-credentials");
  CHECK(e.job_ids ==
        std::map<std::string, std::string>{{"connectionId", "c-3"}, {"userId", "u-7"}});
  ExchangeRecord running;
  running.method = "GET";
  running.client_status = 200;
  read_job_answer(jobs, "/jobs/j9", R"({"steps":[{"status":"success"},{"status":"in-progress"}]})",
                  running);
  CHECK(running.job_state == "running");
  // A faulted read still counts as a read of the job, without a state.
  ExchangeRecord faulted;
  faulted.method = "GET";
  faulted.client_status = 503;
  read_job_answer(jobs, "/jobs/j9", "{}", faulted);
  CHECK(faulted.job_id == "j9");
  CHECK(faulted.job_state.empty());
  // Garbage, another path, a POST: nothing.
  ExchangeRecord garbage;
  garbage.method = "GET";
  garbage.client_status = 200;
  read_job_answer(jobs, "/jobs/j9", "not json", garbage);
  CHECK(garbage.job_state.empty());
  ExchangeRecord other;
  other.method = "GET";
  other.client_status = 200;
  read_job_answer(jobs, "/users/u-7/jobs", failed, other);
  CHECK(other.job_id.empty());
  ExchangeRecord refresh;
  refresh.method = "POST";
  note_refresh(jobs, "/users/u-7/connections/c-3/refresh", refresh);
  CHECK(refresh.refresh);
  ExchangeRecord create;
  create.method = "POST";
  note_refresh(jobs, "/users/u-7/connections", create);
  CHECK_FALSE(create.refresh);
}

TEST_CASE("recording: job fields survive a write and a read") {
  auto b = jobs_builder();
  auto& e = read(b, "j1", "failed", 0, "invalid-credentials");
  e.refresh = false;
  std::istringstream in(header_line(b.rec.header) + "\n" + exchange_line(e) + "\n");
  const Recording back = parse_recording(in);
  CHECK(back.header.jobs_path == "/jobs/*");
  REQUIRE(back.exchanges.size() == 1);
  CHECK(back.exchanges[0].job_id == "j1");
  CHECK(back.exchanges[0].job_state == "failed");
  CHECK(back.exchanges[0].job_code == "invalid-credentials");
  CHECK(back.exchanges[0].job_ids.at("connectionId") == "c-j1");
}
