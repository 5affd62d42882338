#include "providers/basiq/checks/jobs/rehearsal.hpp"

#include <fmt/format.h>

#include "engine/provider_api.hpp"
#include "net/json_body.hpp"
#include "providers/basiq/checks/basiq_list.hpp"

namespace golive::checks {

namespace {

/// Basiq's sandbox personas (seed-apis.md §3.10) and the code their job must fail with ("" for
/// the happy persona, whose job succeeds).
struct Persona {
  const char* login;
  const char* password;
  const char* code;
};

constexpr Persona kPersonas[] = {
    {"Wentworth-Smith", "whislter", ""},
    {"bighead", "password", "invalid-credentials"},
    {"erlich", "aviato", "account-not-accessible-requires-user-action"},
    {"jianYang", "nothotdog", "service-unavailable"},
};

/// "success", "failed CODE at STEP", or "" while a step is pending or in progress.
std::string job_outcome(const nlohmann::json& job) {
  auto steps = job.is_object() ? job.find("steps") : job.end();
  if (steps == job.end() || !steps->is_array() || steps->empty()) return "";
  for (const auto& s : *steps) {
    const auto status = basiq::string_at(s, "status");
    if (status == "failed") {
      const auto result = s.is_object() && s.contains("result") ? s["result"] : nlohmann::json();
      return fmt::format("failed {} at {}", basiq::string_at(result, "code"),
                         basiq::string_at(s, "title"));
    }
    if (status != "success") return "";
  }
  return "success";
}

net::Request json_request(const CheckContext& ctx, const std::string& method,
                          const std::string& path, const nlohmann::json& body) {
  auto req = ProviderApi(ctx).request(method, path);
  req.headers.set("Content-Type", "application/json");
  req.body = body.dump();
  return req;
}

}  // namespace

CheckInfo JobsRehearsal::describe() {
  CheckInfo i;
  i.id = "jobs.rehearsal";
  i.title = "Jobs run end to end in the sandbox, failing users included";
  i.checklist_items = {"basics.jobs-rehearsed"};
  i.side_effect = SideEffect::sandbox_write;
  i.environments = {EnvKind::sandbox};
  i.what =
      "In the sandbox: a test user is created, connected as the happy persona and the three "
      "always-failing users (bighead, erlich, jianYang), each job polled until its steps "
      "finish, and the user deleted. The happy job succeeds; each failing job fails at its step "
      "with invalid-credentials, account-not-accessible-requires-user-action or "
      "service-unavailable.";
  i.why =
      "Basiq asks partners to handle jobs on happy and unhappy paths; these users are how the "
      "unhappy paths are rehearsed before live data, and the run shows they answer as documented.";
  i.how_to_fix =
      "Point the rehearsal profile at the sandbox application's key; quote the correlationId of "
      "a step that answered otherwise to support@basiq.io.";
  i.doc = "providers/basiq/checks/jobs/rehearsal.md";
  i.providers = {"basiq"};
  return i;
}

JobsRehearsal::JobsRehearsal(CheckOptions& options)
    : institution_(options.get_string("institution", "AU00000")),
      polls_(options.get_int("polls", 10)),
      poll_ms_(options.get_int("poll_ms", 500)) {
  if (institution_.empty() || institution_.find_first_of("/?#% ") != std::string::npos) {
    options.error("institution", "must be a connector id such as AU00000");
  }
  if (polls_ < 1 || polls_ > 60) options.error("polls", "must be 1 to 60");
  if (poll_ms_ < 0 || poll_ms_ > 10000) options.error("poll_ms", "must be 0 to 10000");
}

std::vector<PlannedRequest> JobsRehearsal::planned_requests(const Target& target) const {
  auto planned = [&](const char* method, const std::string& path, std::string note) {
    auto p = api::planned_get(target, path, std::move(note));
    p.method = method;
    p.side_effect =
        std::string(method) == "GET" ? SideEffect::read_only : SideEffect::sandbox_write;
    return p;
  };
  std::vector<PlannedRequest> out;
  out.push_back(planned("POST", "/users", "one sandbox test user"));
  for (const auto& p : kPersonas) {
    out.push_back(planned("POST", "/users/{user}/connections",
                          fmt::format("{} at {}", p.login, institution_)));
  }
  out.push_back(planned("GET", "/jobs/{job}", fmt::format("each job, up to {} times", polls_)));
  out.push_back(planned("DELETE", "/users/{user}", "cleanup: the test user is deleted"));
  return out;
}

CheckResult JobsRehearsal::run(CheckContext& ctx) {
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  CheckResult r;
  auto add = [&r](const net::Exchange& x, const std::string& label, const std::string& expected,
                  const std::string& observed) {
    auto ev = api::exchange_evidence(x, label, expected, observed);
    r.evidence.insert(r.evidence.end(), ev.begin(), ev.end());
  };
  auto unexpected = [&](const net::Exchange& x, const std::string& label,
                        const std::string& expected) {
    auto g = api::grade_unexpected(ctx, x, label, expected);
    g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
    return g;
  };
  const auto made = api::api_send(
      ctx,
      json_request(ctx, "POST", "/users", {{"email", "golive+" + ctx.run_id + "@example.com"}}));
  const auto user = made.response() ? net::parse_json_body(*made.response()) : net::JsonBody{};
  const std::string user_id = user.value ? basiq::string_at(*user.value, "id") : "";
  if (made.response() == nullptr || made.response()->status != 201 || user_id.empty()) {
    return unexpected(made, "POST /users", "201 and a user id");
  }
  add(made, "POST /users", "201", "201, user " + user_id);
  std::vector<std::string> mismatches, unfinished;
  for (const auto& p : kPersonas) {
    const std::string label = fmt::format("POST /users/{}/connections ({})", user_id, p.login);
    const auto x =
        api::api_send(ctx, json_request(ctx, "POST", "/users/" + user_id + "/connections",
                                        {{"loginId", p.login},
                                         {"password", p.password},
                                         {"institution", {{"id", institution_}}}}));
    const auto job = x.response() ? net::parse_json_body(*x.response()) : net::JsonBody{};
    const std::string job_id = job.value ? basiq::string_at(*job.value, "id") : "";
    if (x.response() == nullptr || x.response()->status / 100 != 2 || job_id.empty()) {
      return unexpected(x, label, "202 and a job");
    }
    std::string outcome;
    net::Exchange last = x;
    for (int i = 0; i < polls_ && outcome.empty(); ++i) {
      if (i > 0) ctx.clock.sleep_for(std::chrono::milliseconds(poll_ms_));
      last = api::api_send(ctx, api::api_get(ctx, "/jobs/" + job_id));
      if (last.response() == nullptr || last.response()->status != 200) {
        return unexpected(last, "GET /jobs/" + job_id, "200 and the job");
      }
      const auto body = net::parse_json_body(*last.response());
      if (body.value) outcome = job_outcome(*body.value);
    }
    const std::string expected =
        *p.code == '\0' ? std::string("success") : fmt::format("failed {}", p.code);
    add(last, "GET /jobs/" + job_id + " (" + p.login + ")", expected,
        outcome.empty() ? "still running" : outcome);
    if (outcome.empty()) {
      unfinished.push_back(p.login);
    } else if (outcome.rfind(expected, 0) != 0) {
      mismatches.push_back(fmt::format("{}: {} (expected {})", p.login, outcome, expected));
    }
  }
  const auto gone = api::api_send(ctx, ProviderApi(ctx).request("DELETE", "/users/" + user_id));
  const bool cleaned = gone.response() != nullptr && gone.response()->status / 100 == 2;
  add(gone, "DELETE /users/" + user_id, "204",
      gone.response() ? std::to_string(gone.response()->status) : "no answer");
  const std::string cleanup =
      cleaned ? "" : fmt::format("; the test user {} was not deleted — delete it", user_id);
  if (!mismatches.empty()) {
    r.status = Status::fail;
    r.summary = fmt::format("jobs answered otherwise than documented: {}{}",
                            fmt::join(mismatches, "; "), cleanup);
    r.fix = describe().how_to_fix;
  } else if (!unfinished.empty()) {
    r.status = Status::inconclusive;
    r.summary = fmt::format("jobs of {} were still running after {} polls{}",
                            fmt::join(unfinished, ", "), polls_, cleanup);
    r.fix = "raise polls or poll_ms; the sandbox may be slow";
  } else {
    r.status = cleaned ? Status::pass : Status::warn;
    r.summary = fmt::format(
        "the happy persona's job succeeded and bighead, erlich and jianYang failed with their "
        "documented codes (test user {} {})",
        user_id, cleaned ? "deleted" : "NOT deleted");
    if (!cleaned) r.fix = "delete the test user: test users become billable once live";
  }
  return r;
}

}  // namespace golive::checks
