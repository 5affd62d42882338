#pragma once
/// The client-audit grades (SPEC §7): pure functions from a recording to CheckResults with
/// evidence (timestamps, delays, keys). Semantics: docs/audit.md "Grades".
#include <optional>
#include <string>
#include <vector>

#include "audit/recording.hpp"
#include "core/result.hpp"

namespace golive::audit {

/// Knobs of the grades; defaults are what `audit` and `check --audit` use.
struct GradeOptions {
  double retry_after_slack_ms = 50;  ///< clock granularity allowed below Retry-After
  int max_attempts = 10;             ///< more attempts of one operation is unbounded
  size_t min_jitter_samples = 3;     ///< fewer backoff delays: jitter is inconclusive
  /// Arrival jitter allowed: the rate window is this much shorter than the published one.
  double rate_window_slack_ms = 50;
  int tokens_per_hour = 3;      ///< token requests per scope allowed per started hour of run time
  int job_reads_after_end = 1;  ///< reads of a job allowed once it has failed or finished
  /// Delays between reads of a running job all below this (and not growing, over more than
  /// max_attempts reads) are a busy loop; a fixed poll every second or so is not failed.
  double busy_poll_gap_ms = 200;
  int max_refreshes = 3;  ///< successful refreshes of one target per run (more: a loop)
};

/// client.idempotency-keys: every deposit/withdrawal POST carries the client's own key.
CheckResult grade_idempotency_keys(const Recording& rec);
/// client.retry-same-key: after a dropped money movement the retry reuses the key, and the
/// upstream (when its counts are recorded) holds one resource per operation.
CheckResult grade_retry_same_key(const Recording& rec);
/// client.honours-retry-after: the next attempt after a Retry-After is no earlier than asked.
CheckResult grade_honours_retry_after(const Recording& rec, const GradeOptions& o = {});
/// client.backoff-growth: delays grow across consecutive failures without Retry-After.
CheckResult grade_backoff_growth(const Recording& rec);
/// client.backoff-jitter: backoff delays are randomised (not a fixed or deterministic series).
CheckResult grade_backoff_jitter(const Recording& rec, const GradeOptions& o = {});
/// client.no-retry-client-errors: 400/401/403/404/422 are never retried.
CheckResult grade_no_retry_client_errors(const Recording& rec);
/// client.bounded-attempts: the client gives up while failures continue, within max_attempts.
CheckResult grade_bounded_attempts(const Recording& rec, const GradeOptions& o = {});
/// client.request-ids: every X-Request-Id the client received appears in its log text;
/// nullopt when the log named in the header cannot be read.
CheckResult grade_request_ids(const Recording& rec, const std::optional<std::string>& log_text);

/// client.trace-ids: every trace id the proxy put in an injected error body appears in the
/// client's log; inconclusive without one, or without a log.
CheckResult grade_trace_ids(const Recording& rec, const std::optional<std::string>& log_text);
/// client.throttling: at most the published limit (header.rate_limit) of requests started within
/// any window of its length (less rate_window_slack_ms); skip when none is published.
CheckResult grade_throttling(const Recording& rec, const GradeOptions& o = {});
/// client.credentials: every request whose credentials the proxy read carried those of the
/// audited profile (fingerprints, header.credentials).
CheckResult grade_credentials(const Recording& rec);
/// client.network-header: every request carries each header the pack requires, with the value
/// for its key's mode (the profile's when the key shows none); skip when none is required.
CheckResult grade_network_header(const Recording& rec);
/// client.token-caching: token requests per scope stay within tokens_per_hour per started hour
/// (plus the refreshes the token lifetime needs) and below one per API request; skip when the
/// provider has no token exchange.
CheckResult grade_token_caching(const Recording& rec, const GradeOptions& o = {});

/// client.job-polling: the client stops reading a job once it failed or finished (at most
/// job_reads_after_end more reads) and does not read a running job in a busy loop (more than
/// max_attempts reads, all under busy_poll_gap_ms apart, not growing); inconclusive unless a
/// job failed.
CheckResult grade_job_polling(const Recording& rec, const GradeOptions& o = {});
/// client.refresh-rate: no refresh target (connection, user) is refreshed successfully more than
/// max_refreshes times in the run; inconclusive without a refresh.
CheckResult grade_refresh_rate(const Recording& rec, const GradeOptions& o = {});
/// client.job-ids: the id of every failed job the client read, and the ids of the resource it
/// works on (userId, connectionId), appear in the client's log; inconclusive without a failed
/// job or without a log.
CheckResult grade_job_ids(const Recording& rec, const std::optional<std::string>& log_text);

/// Every client.* grade id, sorted.
const std::vector<std::string>& grade_ids();

/// The grades that apply to the provider a recording was made with (e.g. no token-caching
/// without a token exchange), sorted.
std::vector<std::string> grade_ids_for(const Header& h);

/// Grades `id` on `rec` (reading header.client_log for client.request-ids and client.trace-ids)
/// and applies the
/// incomplete-run rule: when the command timed out, was interrupted or the footer is missing,
/// a pass becomes inconclusive (a failure already observed stays a failure).
/// Throws std::invalid_argument for an unknown id.
CheckResult grade(const std::string& id, const Recording& rec, const GradeOptions& o = {});

/// Loads `path` and grades `id`; an unreadable or malformed recording is inconclusive.
CheckResult grade_file(const std::string& id, const std::string& path, const GradeOptions& o = {});

}  // namespace golive::audit
