#pragma once
/// From results to checklist item states, commitment (attestation/waiver) states and the
/// verdict with its exit code (SPEC §3, §4.2, §4.4).
#include <chrono>
#include <vector>

#include "engine/report_model.hpp"

namespace golive {

struct VerdictOptions {
  bool strict = false;       ///< warnings, waivers and half-life attestations fail
  bool report_only = false;  ///< exit 0 whatever the verdict
};

/// Applies the profile's waivers to `rows` (marks waived) and returns every attestation and
/// waiver with its time state as of `today`.
std::vector<Commitment> apply_commitments(const profile::Profile& profile,
                                          std::vector<ResultRow>& rows,
                                          std::chrono::year_month_day today);

/// Checklist item states from rows and commitments, in checklist order: failed, else
/// inconclusive, else waived, else partial (an API-side check passed while a client grade was
/// skipped or not run), else verified (a check passed or warned), else attested, else not
/// covered. Skipped checks count for nothing.
std::vector<ItemResult> evaluate_items(const Checklist& checklist,
                                       const std::vector<ResultRow>& rows,
                                       const std::vector<Commitment>& commitments,
                                       const std::vector<std::string>& registered_ids);

/// Fills report.verdict, exit_code, reasons and notes (from rows and commitments; items only
/// add a note, e.g. how many are partial).
void decide(RunReport& report, const VerdictOptions& options);

/// "YYYY-MM-DD".
std::string format_date(std::chrono::year_month_day d);

}  // namespace golive
