#pragma once
/// What the audit proxy reads from the jobs a client polls (pack `jobs`, docs/audit.md "Provider
/// packs"): the job's id, state and failure code, and the ids of the resource it works on — never
/// the rest of the body (it carries personal data).
#include <string>

#include "audit/recording.hpp"
#include "engine/provider.hpp"

namespace golive::audit {

/// Marks `e` as a refresh when `rel_path` (relative to the base URL) is one of the pack's
/// refresh paths and `e.method` is POST.
void note_refresh(const JobSpec& jobs, const std::string& rel_path, ExchangeRecord& e);

/// For a GET of `jobs.path`: sets e.job_id (whatever the answer), and e.job_state, e.job_code
/// and e.job_ids when the client received a 2xx JSON object whose steps list is readable. A
/// job is `failed` when a step's status is one of `jobs.failed`, `running` when one is in
/// `jobs.running`, else `done`. Leaves `e` alone for any other request.
void read_job_answer(const JobSpec& jobs, const std::string& rel_path, const std::string& body,
                     ExchangeRecord& e);

}  // namespace golive::audit
