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

/// The eight check ids, sorted.
const std::vector<std::string>& grade_ids();

/// Grades `id` on `rec` (reading header.client_log for client.request-ids) and applies the
/// incomplete-run rule: when the command timed out, was interrupted or the footer is missing,
/// a pass becomes inconclusive (a failure already observed stays a failure).
/// Throws std::invalid_argument for an unknown id.
CheckResult grade(const std::string& id, const Recording& rec, const GradeOptions& o = {});

/// Loads `path` and grades `id`; an unreadable or malformed recording is inconclusive.
CheckResult grade_file(const std::string& id, const std::string& path, const GradeOptions& o = {});

}  // namespace golive::audit
