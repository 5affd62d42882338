#include "audit/grader.hpp"

#include <stdexcept>

#include "audit/grade_util.hpp"
#include "core/file.hpp"

namespace golive::audit {

namespace {

/// The client's log, when it is a readable regular file within the recording's cap (a FIFO or
/// a device named as the log is unreadable, never waited on).
std::optional<std::string> read_text(const std::string& path) {
  return read_regular_file(path, k_max_recording_bytes).text;
}

/// Why the run is incomplete, or "" when it ran to the end.
std::string incomplete(const Recording& rec) {
  const auto& f = rec.footer;
  if (!f.present) return "the recording has no footer (the audit was cut short)";
  if (f.timed_out) {
    return fmt::format("the command did not finish within the deadline and was stopped after {} ms",
                       f.duration_ms);
  }
  if (f.interrupted) return "the audit was interrupted and the command was stopped";
  return "";
}

}  // namespace

const std::vector<std::string>& grade_ids() {
  static const std::vector<std::string> ids = {"client.backoff-growth",
                                               "client.backoff-jitter",
                                               "client.bounded-attempts",
                                               "client.credentials",
                                               "client.honours-retry-after",
                                               "client.idempotency-keys",
                                               "client.job-ids",
                                               "client.job-polling",
                                               "client.network-header",
                                               "client.no-retry-client-errors",
                                               "client.refresh-rate",
                                               "client.request-ids",
                                               "client.retry-same-key",
                                               "client.throttling",
                                               "client.token-caching",
                                               "client.trace-ids"};
  return ids;
}

std::vector<std::string> grade_ids_for(const Header& h) {
  std::vector<std::string> out;
  for (const auto& id : grade_ids()) {
    if (id == "client.network-header" && h.required_headers.empty()) continue;
    if (id == "client.token-caching" && h.token_path.empty()) continue;
    if (id == "client.throttling" && !h.rate_limit) continue;
    if ((id == "client.job-polling" || id == "client.refresh-rate" || id == "client.job-ids") &&
        h.jobs_path.empty()) {
      continue;
    }
    if ((id == "client.idempotency-keys" || id == "client.retry-same-key") &&
        h.money_kinds.empty()) {
      continue;
    }
    out.push_back(id);
  }
  return out;
}

CheckResult grade(const std::string& id, const Recording& rec, const GradeOptions& o) {
  CheckResult r;
  if (id == "client.idempotency-keys") {
    r = grade_idempotency_keys(rec);
  } else if (id == "client.retry-same-key") {
    r = grade_retry_same_key(rec);
  } else if (id == "client.honours-retry-after") {
    r = grade_honours_retry_after(rec, o);
  } else if (id == "client.backoff-growth") {
    r = grade_backoff_growth(rec);
  } else if (id == "client.backoff-jitter") {
    r = grade_backoff_jitter(rec, o);
  } else if (id == "client.no-retry-client-errors") {
    r = grade_no_retry_client_errors(rec);
  } else if (id == "client.bounded-attempts") {
    r = grade_bounded_attempts(rec, o);
  } else if (id == "client.request-ids") {
    r = grade_request_ids(
        rec, rec.header.client_log.empty() ? std::nullopt : read_text(rec.header.client_log));
  } else if (id == "client.trace-ids") {
    r = grade_trace_ids(
        rec, rec.header.client_log.empty() ? std::nullopt : read_text(rec.header.client_log));
  } else if (id == "client.throttling") {
    r = grade_throttling(rec, o);
  } else if (id == "client.credentials") {
    r = grade_credentials(rec);
  } else if (id == "client.network-header") {
    r = grade_network_header(rec);
  } else if (id == "client.token-caching") {
    r = grade_token_caching(rec, o);
  } else if (id == "client.job-polling") {
    r = grade_job_polling(rec, o);
  } else if (id == "client.refresh-rate") {
    r = grade_refresh_rate(rec, o);
  } else if (id == "client.job-ids") {
    r = grade_job_ids(
        rec, rec.header.client_log.empty() ? std::nullopt : read_text(rec.header.client_log));
  } else {
    throw std::invalid_argument("unknown client audit grade '" + id + "'");
  }
  if (auto why = incomplete(rec); !why.empty() && r.status == Status::pass) {
    r.status = Status::inconclusive;
    r.summary = "run incomplete, not graded as a pass: " + r.summary;
    r.evidence.insert(r.evidence.begin(),
                      detail::note("audit run", "the command ran to its end", why));
  }
  return r;
}

CheckResult grade_file(const std::string& id, const std::string& path, const GradeOptions& o) {
  try {
    return grade(id, load_recording(path), o);
  } catch (const std::runtime_error& e) {
    return detail::result(id, Status::inconclusive,
                          std::string("cannot read the client audit recording: ") + e.what());
  }
}

}  // namespace golive::audit
