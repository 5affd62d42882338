// Grades of how a client handles background jobs (pack `jobs`, Basiq): it stops polling a job
// once it has ended, backs off while it runs, does not refresh in a loop, and logs the ids
// support asks for. Semantics: docs/audit.md "Grades".
#include <algorithm>
#include <map>

#include "audit/grade_util.hpp"
#include "audit/grader.hpp"

namespace golive::audit {

using detail::about;
using detail::result;

namespace {

/// Reads of each job id, in arrival order.
std::map<std::string, std::vector<const ExchangeRecord*>> reads_by_job(const Recording& rec) {
  std::map<std::string, std::vector<const ExchangeRecord*>> out;
  for (const auto& e : rec.exchanges) {
    if (!e.job_id.empty()) out[e.job_id].push_back(&e);
  }
  return out;
}

/// The delays between consecutive reads (the end of one to the start of the next), ms.
std::vector<double> gaps(const std::vector<const ExchangeRecord*>& reads) {
  std::vector<double> out;
  for (size_t i = 1; i < reads.size(); ++i) {
    out.push_back(reads[i]->t_start_ms - reads[i - 1]->t_end_ms);
  }
  return out;
}

/// True when reads of a running job are a busy loop: more than `max` reads while it ran, every
/// delay under `gap_ms` and the last no longer than the first (no backoff).
bool busy_loop(const std::vector<const ExchangeRecord*>& running, int max, double gap_ms) {
  if (running.size() <= static_cast<size_t>(max)) return false;
  const auto g = gaps(running);
  const bool short_gaps = std::all_of(g.begin(), g.end(), [&](double d) { return d < gap_ms; });
  return short_gaps && g.back() <= g.front();
}

/// `r` with `ev` as its evidence, at most 6 items.
CheckResult with_evidence(CheckResult r, std::vector<Evidence> ev) {
  r.evidence = std::move(ev);
  detail::cap(r.evidence, 6);
  return r;
}

}  // namespace

CheckResult grade_job_polling(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.job-polling";
  if (rec.header.jobs_path.empty()) {
    return result(id, Status::skip, "the provider has no background jobs to poll");
  }
  const auto jobs = reads_by_job(rec);
  if (jobs.empty()) return result(id, Status::inconclusive, "the client read no job");
  std::vector<Evidence> wrong, seen;
  size_t failed = 0;
  for (const auto& [job, reads] : jobs) {
    const ExchangeRecord* end = nullptr;
    std::vector<const ExchangeRecord*> running, after;
    for (const ExchangeRecord* e : reads) {
      if (end != nullptr) {
        if (e->t_start_ms >= end->t_end_ms) after.push_back(e);
        continue;
      }
      if (e->job_state == "failed" || e->job_state == "done") {
        end = e;
      } else {
        running.push_back(e);
      }
    }
    if (end != nullptr && end->job_state == "failed") ++failed;
    const std::string how =
        end == nullptr ? "still running when the client stopped reading it"
                       : (end->job_state == "failed"
                              ? "failed" + (end->job_code.empty() ? "" : " with " + end->job_code)
                              : "finished");
    if (after.size() > static_cast<size_t>(o.job_reads_after_end)) {
      wrong.push_back(
          about(*after.back(), "job " + job,
                fmt::format("at most {} read after the job {}", o.job_reads_after_end, how),
                fmt::format("{} more reads after it {} (#{}); the client kept polling "
                            "an ended job",
                            after.size(), how, end->seq)));
    } else if (busy_loop(running, o.max_attempts, o.busy_poll_gap_ms)) {
      wrong.push_back(about(
          *running.back(), "job " + job, "growing delays between reads of a running job",
          fmt::format("{} reads, delays {}", running.size(), detail::join_ms(gaps(running)))));
    } else if (end != nullptr) {
      seen.push_back(about(
          *end, "job " + job, "the client stops reading an ended job",
          fmt::format("{} after {} read(s); {} read(s) after", how, reads.size(), after.size())));
    }
  }
  if (!wrong.empty()) {
    auto r = result(id, Status::fail,
                    fmt::format("{} of {} job(s) polled without end or without backoff",
                                wrong.size(), jobs.size()),
                    "Poll a job with growing delays, stop as soon as a step fails (its "
                    "result.code says why: ask the user to act, or retry later) or every step "
                    "succeeded.");
    return with_evidence(std::move(r), std::move(wrong));
  }
  if (failed == 0) {
    auto r = result(id, Status::inconclusive,
                    fmt::format("none of the {} job(s) the client read failed: the unhappy path "
                                "was not shown (run the client against users whose jobs fail, "
                                "such as the emulator's always-failing sandbox users)",
                                jobs.size()));
    return with_evidence(std::move(r), std::move(seen));
  }
  auto r = result(id, Status::pass,
                  fmt::format("the client stopped polling each ended job ({} failed, {} read in "
                              "all)",
                              failed, jobs.size()));
  return with_evidence(std::move(r), std::move(seen));
}

CheckResult grade_refresh_rate(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.refresh-rate";
  if (rec.header.jobs_path.empty()) {
    return result(id, Status::skip, "the provider has no refresh requests");
  }
  std::map<std::string, std::vector<const ExchangeRecord*>> by_target;
  for (const auto& e : rec.exchanges) {
    if (e.refresh && e.client_status / 100 == 2 && !e.dropped) by_target[e.path].push_back(&e);
  }
  if (by_target.empty()) {
    return result(id, Status::inconclusive,
                  "the client started no refresh during the audit: a refresh loop could not show");
  }
  std::vector<Evidence> ev, wrong;
  size_t total = 0;
  for (const auto& [target, list] : by_target) {
    total += list.size();
    const std::string seen_text =
        fmt::format("{} refresh(es) from +{:.0f} ms to +{:.0f} ms", list.size(),
                    list.front()->t_start_ms, list.back()->t_start_ms);
    const std::string want = fmt::format("at most {} per run", o.max_refreshes);
    auto item = about(*list.back(), "refreshes of " + target, want, seen_text);
    (list.size() > static_cast<size_t>(o.max_refreshes) ? wrong : ev).push_back(item);
  }
  if (!wrong.empty()) {
    auto r = result(id, Status::fail,
                    fmt::format("{} connection(s) refreshed more than {} times in one run: a "
                                "refresh loop",
                                wrong.size(), o.max_refreshes),
                    "Refresh a connection only ad hoc (the user asks, or smart cache is off); "
                    "read the job a refresh answers instead of refreshing again.");
    return with_evidence(std::move(r), std::move(wrong));
  }
  auto r = result(id, Status::pass,
                  fmt::format("{} refresh(es) of {} target(s), at most {} each: no refresh loop",
                              total, by_target.size(), o.max_refreshes));
  return with_evidence(std::move(r), std::move(ev));
}

CheckResult grade_job_ids(const Recording& rec, const std::optional<std::string>& log_text) {
  const std::string id = "client.job-ids";
  if (rec.header.jobs_path.empty()) {
    return result(id, Status::skip, "the provider has no background jobs");
  }
  std::map<std::string, const ExchangeRecord*> failed;  ///< job id → its failed answer
  for (const auto& e : rec.exchanges) {
    if (e.job_state == "failed" && !failed.count(e.job_id)) failed[e.job_id] = &e;
  }
  if (failed.empty()) {
    return result(id, Status::inconclusive,
                  "the client read no failed job, so no error of one could be logged");
  }
  const std::string& path = rec.header.client_log;
  if (path.empty() || !log_text) {
    return result(id, Status::inconclusive,
                  path.empty() ? "no client log given (pass --client-log FILE to "
                                 "`bluum-golive audit`)"
                               : "the client log " + path + " cannot be read");
  }
  std::vector<Evidence> missing, found;
  for (const auto& [job, e] : failed) {
    std::map<std::string, std::string> ids = e->job_ids;
    ids[rec.header.job_id_name] = job;
    std::vector<std::string> absent;
    for (const auto& [name, value] : ids) {
      if (log_text->find(value) == std::string::npos) absent.push_back(name + " " + value);
    }
    std::vector<std::string> names;
    for (const auto& [name, _] : ids) names.push_back(name);
    const std::string want = fmt::format("{} in the client log", fmt::join(names, ", "));
    if (absent.empty()) {
      found.push_back(about(*e, "failed job " + job, want, "all logged"));
    } else {
      missing.push_back(
          about(*e, "failed job " + job, want, fmt::format("missing {}", fmt::join(absent, ", "))));
    }
  }
  if (!missing.empty()) {
    auto r = result(id, Status::fail,
                    fmt::format("{} of {} failed job(s) are logged without the ids support asks "
                                "for",
                                missing.size(), failed.size()),
                    "Log the user id, connection id and job id with every job failure: support "
                    "needs them to investigate.");
    return with_evidence(std::move(r), std::move(missing));
  }
  auto r = result(id, Status::pass,
                  fmt::format("the ids of all {} failed job(s) are in {}", failed.size(), path));
  return with_evidence(std::move(r), std::move(found));
}

}  // namespace golive::audit
