#pragma once
/// Everything a run produced, in the shape every reporter reads (SPEC §4.2–4.4, §9).
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "engine/checklist.hpp"
#include "profile/profile.hpp"

namespace golive {

/// One check's result plus what the report needs to know about the check.
struct ResultRow {
  CheckInfo info;
  CheckResult result;
  bool waived = false;       ///< a valid waiver turned this failure into "waived"
  std::string waiver_note;   ///< "approved by X until Y (TICKET): reason"
  std::string profile_path;  ///< profile the check ran against
  SourceLoc configured_at;   ///< line that configures it (checks.<id> or the file top)
};

/// State of a checklist item (SPEC §4.2). `partial`: the item's API-side checks passed but its
/// client grades (ChecklistItem::client_grades) were skipped or not run — neither verified nor
/// failed, and no effect on the exit code.
enum class ItemState { verified, failed, attested, waived, inconclusive, partial, not_covered };
std::string_view to_string(ItemState s);  ///< "verified", ..., "partial", "not covered"
/// Every ItemState in report order (summary counts list them in this order).
inline constexpr ItemState kItemStates[] = {
    ItemState::verified,     ItemState::failed,  ItemState::attested,   ItemState::waived,
    ItemState::inconclusive, ItemState::partial, ItemState::not_covered};

struct ItemResult {
  int section_number = 0;
  std::string section_title;
  ChecklistItem item;
  ItemState state = ItemState::not_covered;
  std::string detail;                   ///< e.g. "attested by ops@x on 2026-11-01 until 2027-05-01"
  std::vector<std::string> checks_run;  ///< ids that ran for this item
  std::vector<std::string> checks_planned;  ///< ids named by the checklist not yet built
};

/// An attestation or waiver and its time state at report time.
struct Commitment {
  std::string kind;  ///< "attestation" | "waiver"
  std::string id;
  std::string owner;
  std::string expires;  ///< YYYY-MM-DD
  int days_left = 0;
  bool expired = false;
  bool past_half_life = false;
  std::string note;
  SourceLoc loc;
};

/// One check (by check id and environment) compared with a baseline report (`--baseline`).
struct BaselineEntry {
  std::string check_id;
  std::string environment;
  std::string status;           ///< this run: "fail", "pass", "waived", ...; "absent" if not run
  std::string previous_status;  ///< in the baseline, same vocabulary
  std::string summary;          ///< this run's summary (the baseline's when absent now)
};

/// This run against a previous JSON report, matched by (check id, environment). A check is
/// "failing" when it gates the verdict: not waived and blocking fail/inconclusive (or, with
/// --strict, a warning).
struct BaselineDiff {
  std::string source;                       ///< the baseline file as given
  std::string previous_run_id;              ///< run id of the baseline report
  std::vector<BaselineEntry> new_failures;  ///< failing now, not failing in the baseline
  std::vector<BaselineEntry> fixed;         ///< failing in the baseline, run and not failing now
  std::vector<BaselineEntry> unchanged;     ///< failing in both (known; they do not gate)
  std::vector<BaselineEntry> not_run;       ///< failing in the baseline, absent now (not "fixed")
};

enum class Verdict { ready, not_ready, inconclusive, refused };
std::string_view to_string(Verdict v);  ///< "READY", "NOT READY", "INCONCLUSIVE", "REFUSED"

/// The whole run.
struct RunReport {
  std::string tool = "bluum-golive";
  std::string tool_version;
  std::string run_id;
  std::string started_at;   ///< ISO 8601 UTC
  std::string finished_at;  ///< ISO 8601 UTC
  long long duration_ms = 0;
  std::string profile_name;
  std::string profile_path;
  std::string profile_sha256;
  std::string environment;
  EnvKind kind = EnvKind::sandbox;
  std::string provider;
  std::string base_url;  ///< redacted
  std::string checklist_title;
  std::string checklist_source;
  std::vector<ResultRow> rows;
  std::vector<ItemResult> items;
  std::vector<Commitment> commitments;
  Verdict verdict = Verdict::inconclusive;
  int exit_code = 3;
  std::vector<std::string> reasons;      ///< why the verdict is what it is, one line each
  std::vector<std::string> notes;        ///< e.g. "2 waivers, 1 expiring in 7 days"
  std::optional<BaselineDiff> baseline;  ///< set by report::apply_baseline (`--baseline`)
};

}  // namespace golive
