#include "providers/basiq/checks/jobs/recent-failures.hpp"

#include <fmt/format.h>

#include <map>

#include "providers/basiq/checks/basiq_list.hpp"

namespace golive::checks {

namespace {

/// The failed step of a job: (step title, its result's code), or nullopt when none failed.
std::optional<std::pair<std::string, std::string>> failed_step(const nlohmann::json& job) {
  auto steps = job.find("steps");
  if (steps == job.end() || !steps->is_array()) return std::nullopt;
  for (const auto& s : *steps) {
    if (!s.is_object() || basiq::string_at(s, "status") != "failed") continue;
    auto result = s.find("result");
    const std::string code =
        result != s.end() && result->is_object() ? basiq::string_at(*result, "code") : "";
    return std::make_pair(basiq::string_at(s, "title"),
                          code.empty() ? std::string("no code") : code);
  }
  return std::nullopt;
}

bool running(const nlohmann::json& job) {
  auto steps = job.find("steps");
  if (steps == job.end() || !steps->is_array()) return false;
  for (const auto& s : *steps) {
    const auto st = s.is_object() ? basiq::string_at(s, "status") : "";
    if (st == "pending" || st == "in-progress") return true;
  }
  return false;
}

}  // namespace

CheckInfo JobsRecentFailures::describe() {
  CheckInfo i;
  i.id = "jobs.recent-failures";
  i.title = "Recent jobs of a watched user are read and their failures summarised";
  i.checklist_items = {"daily.job-checks"};
  i.side_effect = SideEffect::read_only;
  i.blocking = false;
  i.what =
      "GET /users/{user_id}/jobs for the user named in the profile answers a list; the most "
      "recent jobs (limit, default 20) are summarised, each failure with its code, meaning and "
      "failed step.";
  i.why =
      "Basiq asks partners to check user jobs daily and handle failures: invalid-credentials, "
      "account-not-accessible-requires-user-action and service-unavailable each need a "
      "different answer (re-prompt the user, ask them to clear a bank prompt, wait and retry).";
  i.how_to_fix =
      "Handle each failure code as its meaning says (see the summary), and keep the jobs check "
      "in the partner's daily operations.";
  i.doc = "providers/basiq/checks/jobs/recent-failures.md";
  i.providers = {"basiq"};
  return i;
}

JobsRecentFailures::JobsRecentFailures(CheckOptions& options)
    : user_id_(options.get_string("user_id", "")), limit_(options.get_int("limit", 20)) {
  if (user_id_.find_first_of("/?#% ") != std::string::npos) {
    options.error("user_id", "must be a Basiq user id (no '/', '?', '#', '%' or spaces)");
  }
  if (limit_ <= 0) options.error("limit", "must be a positive number");
}

std::vector<PlannedRequest> JobsRecentFailures::planned_requests(const Target& target) const {
  if (user_id_.empty()) return {};
  return {api::planned_get(target, "/users/" + user_id_ + "/jobs",
                           "reads the watched user's recent jobs")};
}

CheckResult JobsRecentFailures::run(CheckContext& ctx) {
  CheckResult r;
  if (user_id_.empty()) {
    r.status = Status::skip;
    r.summary = "no user to watch: set checks.jobs.recent-failures.user_id to a Basiq user id";
    return r;
  }
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  const std::string path = "/users/" + user_id_ + "/jobs";
  const std::string label = "GET " + path;
  const std::string expected = "200 and a list of jobs";
  auto list = basiq::get_list(ctx, path, expected);
  if (list.failed) return *list.failed;
  const auto& x = list.exchange;
  const auto* items = list.items;
  size_t read = 0, in_progress = 0;
  std::map<std::string, std::vector<std::string>> by_code;  // code → failed job ids (step)
  for (const auto& job : *items) {
    if (!job.is_object()) continue;
    if (static_cast<int>(read) == limit_) break;
    ++read;
    if (running(job)) ++in_progress;
    if (auto f = failed_step(job)) {
      by_code[f->second].push_back(fmt::format("{} at {}", basiq::string_at(job, "id"), f->first));
    }
  }
  size_t failed = 0;
  std::vector<std::string> parts;
  for (const auto& [code, jobs] : by_code) {
    failed += jobs.size();
    const auto meaning = api::code_meaning(ctx.provider, code);
    parts.push_back(fmt::format("{} ×{}{} ({})", code, jobs.size(),
                                meaning.empty() ? "" : " — " + meaning, fmt::join(jobs, ", ")));
  }
  r.evidence =
      api::exchange_evidence(x, label, expected,
                             fmt::format("200, {} recent jobs read: {} failed, {} still running",
                                         read, failed, in_progress));
  if (failed > 0) {
    r.status = Status::warn;
    r.summary = fmt::format("{} of the {} most recent jobs of user {} failed: {}", failed, read,
                            user_id_, fmt::join(parts, "; "));
    std::vector<std::string> fixes;
    for (const auto& [code, jobs] : by_code) {
      if (const auto* k = ctx.provider.known_code(code); k != nullptr && !k->fix.empty()) {
        fixes.push_back(code + ": " + k->fix);
      }
    }
    r.fix = fixes.empty() ? describe().how_to_fix : fmt::format("{}", fmt::join(fixes, "; "));
    return r;
  }
  r.status = Status::pass;
  r.summary = fmt::format("none of the {} most recent jobs of user {} failed ({} still running)",
                          read, user_id_, in_progress);
  return r;
}

}  // namespace golive::checks
