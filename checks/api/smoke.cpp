#include "checks/api/smoke.hpp"

#include <fmt/format.h>

#include "net/json_body.hpp"

namespace golive::checks {

namespace {

constexpr size_t kMaxBody = 16 * 1024 * 1024;

/// "a JSON object with keys a, b, c" / "a JSON string" — what a non-list body is.
std::string shape_of(const nlohmann::json& body) {
  if (!body.is_object()) return std::string("a JSON ") + body.type_name();
  std::vector<std::string> keys;
  for (const auto& [key, value] : body.items()) {
    if (keys.size() == 5) {
      keys.emplace_back("...");
      break;
    }
    keys.push_back(key);
  }
  return fmt::format("a JSON object with keys {}", fmt::join(keys, ", "));
}

/// True when an attempt before the last one got a 5xx (the provider failed, then recovered).
bool saw_server_error(const net::Exchange& x) {
  for (size_t i = 0; i + 1 < x.attempts.size(); ++i) {
    if (x.attempts[i].status >= 500) return true;
  }
  return false;
}

}  // namespace

CheckInfo ApiSmoke::describe() {
  CheckInfo i;
  i.id = "api.smoke";
  i.title = "A read-only request returns 200 and a JSON list";
  i.checklist_items = {"smoke.read-only"};
  i.side_effect = SideEffect::read_only;
  i.what =
      "GET of the provider's read-only smoke path (Bluum: /assets; path and query may be set in "
      "the profile) with the profile's credentials answers 200 with a JSON list (array, list "
      "envelope or data envelope) within max_latency_ms. Evidence: status, X-Request-Id, latency, "
      "every retry and its wait.";
  i.why =
      "The provider's cut-over step is a read-only smoke test: 200 proves base URL, "
      "credentials and network path; 401 means the key or secret was not updated.";
  i.how_to_fix =
      "Follow the code's meaning: 401 — deploy this environment's key pair; 403 — "
      "finish approval or use tenant-wide keys; non-JSON — check base_url points at "
      "the API, not a proxy or web page.";
  i.doc = "checks/api/smoke.md";
  return i;
}

ApiSmoke::ApiSmoke(CheckOptions& options) {
  // Defaults are the pack's smoke request (SPEC §11); the profile may override each.
  const SmokeSpec spec = options.pack() && options.pack()->smoke ? *options.pack()->smoke
                                                                 : SmokeSpec{"/", {}, true, 1000};
  max_latency_ms_ = options.get_int("max_latency_ms", spec.latency_budget_ms);
  const auto path = options.get_string("path", spec.path);
  if (path.empty() || path.front() != '/') options.error("path", "must start with '/'");
  if (max_latency_ms_ <= 0) options.error("max_latency_ms", "must be a positive number");
  path_and_query_ = api::path_with_query(path, options.get_string_map("query", spec.query));
}

std::vector<PlannedRequest> ApiSmoke::planned_requests(const Target& target) const {
  return {api::planned_get(target, path_and_query_, "smoke test: expects 200 and a JSON list")};
}

CheckResult ApiSmoke::run(CheckContext& ctx) {
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  auto request = api::api_get(ctx, path_and_query_);
  request.max_body_bytes = kMaxBody;
  const auto x = api::api_send(ctx, request);
  const std::string label = "GET " + path_and_query_;
  const std::string expected = "200 and a JSON list";
  const auto* resp = x.response();
  if (resp == nullptr || resp->status != 200) return api::grade_unexpected(ctx, x, label, expected);

  const auto note = api::retry_note(x);
  const auto after = note.empty() ? "" : ", " + note;
  const auto latency = resp->latency.count();
  const auto rid =
      resp->request_id.empty() ? "no X-Request-Id" : "X-Request-Id " + resp->request_id;
  CheckResult r;
  if (resp->truncated) {
    // Only a whole body can be shown to be a JSON list: this proves neither way.
    auto cut = api::unreadable_body(x, label, expected,
                                    fmt::format("body is over {} bytes and was cut", kMaxBody),
                                    "a JSON list");
    cut.fix =
        "point api.smoke at a smaller list with its path and query options, e.g. a "
        "filtered /assets";
    return cut;
  }
  const auto body = net::parse_json_body(*resp);
  if (!body.value) {
    r.evidence = api::exchange_evidence(x, label, expected, body.problem);
    r.status = Status::fail;
    r.summary = fmt::format("{} answered 200 but the {}", label, body.problem);
    r.fix =
        "base_url must point at the provider's JSON API (not a web page, gateway or proxy "
        "error page); check base_url and any proxy between here and the API";
    return r;
  }
  const auto* items = api::list_items(*body.value);
  if (items == nullptr) {
    const auto shape = shape_of(*body.value);
    r.evidence = api::exchange_evidence(x, label, expected, "200, " + shape);
    r.status = Status::fail;
    r.summary = fmt::format("{} answered 200 but the body is not a list: {}", label, shape);
    r.fix = "set api.smoke path to a list endpoint of the provider (default /assets)";
    return r;
  }
  const auto observed =
      fmt::format("200, a JSON list of {} items in {} ms", items->size(), latency);
  r.evidence = api::exchange_evidence(x, label, expected, observed);
  if (latency > max_latency_ms_) {
    r.status = Status::fail;
    r.summary = fmt::format("{} answered 200 but took {} ms, over the {} ms budget ({}{})", label,
                            latency, max_latency_ms_, rid, after);
    r.fix =
        "find what slows the path to the API (proxy, DNS, region, TLS inspection); raise "
        "api.smoke max_latency_ms only if this latency is expected";
    return r;
  }
  r.summary = fmt::format("{} answered {} ({}{})", label, observed, rid, after);
  if (saw_server_error(x)) {
    r.status = Status::warn;
    r.summary += "; the provider answered 5xx before succeeding";
    r.fix =
        "nothing to change if it does not repeat; quote the X-Request-Ids to the provider "
        "if it does";
    return r;
  }
  r.status = Status::pass;
  return r;
}

}  // namespace golive::checks
