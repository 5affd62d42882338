#include "checks/api/error-model.hpp"

#include <fmt/format.h>

#include <regex>

#include "checks/api/api_http.hpp"
#include "net/json_body.hpp"

namespace golive::checks {

namespace {

/// What one probe found: empty `problem` means the error path behaved as documented.
struct Finding {
  std::string observed;
  std::string problem;
  std::string fix;
};

/// Grades a 4xx answer: envelope present, code in the provider's format and carrying `status`.
Finding grade_envelope(const ProviderPack& pack, const net::Response& resp,
                       const std::regex& format) {
  Finding f;
  const auto body = net::parse_json_body(resp);
  const auto env = body.value ? read_api_error(pack, *body.value) : ApiError{};
  const std::string status = std::to_string(resp.status);
  if (!env.found) {
    f.observed = status + ", " + (body.value ? "no error envelope" : body.problem);
    f.problem =
        fmt::format("the {} body is not an error envelope ({})", status,
                    body.value ? "no code or message where the provider puts them" : body.problem);
    f.fix =
        "base_url must reach the provider's API directly: a gateway or proxy is answering "
        "errors with its own bodies";
    return f;
  }
  f.observed = fmt::format("{} {} (error envelope{})", status, redact(env.code),
                           env.type.empty() ? "" : ", type " + env.type);
  std::smatch m;
  if (!std::regex_match(env.code, m, format)) {
    f.problem = fmt::format("the {} error code '{}' is not in the provider's format", status,
                            redact(env.code));
  } else if (pack.errors.code_status_group > 0 &&
             m.size() > static_cast<size_t>(pack.errors.code_status_group) &&
             m[static_cast<size_t>(pack.errors.code_status_group)].str() != status) {
    f.problem =
        fmt::format("the error code {} does not carry the HTTP status {}", env.code, status);
  }
  if (!f.problem.empty()) {
    f.fix = "base_url must reach the provider's API directly; its error codes match " +
            (pack.errors.code_pattern.empty() ? std::string("the documented catalogue")
                                              : pack.errors.code_pattern);
  }
  return f;
}

}  // namespace

CheckInfo ApiErrorModel::describe() {
  CheckInfo i;
  i.id = "api.error-model";
  i.title = "Invalid requests get the documented error envelope and codes";
  i.checklist_items = {"lifecycle.error-paths"};
  i.side_effect = SideEffect::read_only;
  i.environments = {EnvKind::sandbox};
  i.what =
      "GET of a resource that does not exist (the pack's not_found_path) answers 4xx, and "
      "the smoke path without credentials answers 401, each with the provider's error "
      "envelope and a code in its documented format (Bluum: BLUM-{status}-{seq} matching the "
      "HTTP status).";
  i.why =
      "The partner's error handling keys off the status and code (401 → rotate, 400 → "
      "surface, 404 → missing); a proxy or gateway that rewrites error bodies, or a path "
      "that skips authentication, breaks it.";
  i.how_to_fix =
      "Point base_url at the provider's API directly, without a gateway that answers "
      "or authenticates on its behalf.";
  i.doc = "checks/api/error-model.md";
  return i;
}

ApiErrorModel::ApiErrorModel(CheckOptions& options) {
  const ProviderPack* pack = options.pack();
  const std::string smoke = pack && pack->smoke ? pack->smoke->path : "/";
  const std::string missing = pack && !pack->errors.not_found_path.empty()
                                  ? pack->errors.not_found_path
                                  : smoke + "/golive-does-not-exist";
  path_ = options.get_string("path", missing);
  unauth_path_ = options.get_string("unauthenticated_path", smoke);
  for (const auto* key : {"path", "unauthenticated_path"}) {
    const auto& v = std::string(key) == "path" ? path_ : unauth_path_;
    if (v.empty() || v.front() != '/') options.error(key, "must start with '/'");
  }
}

std::vector<PlannedRequest> ApiErrorModel::planned_requests(const Target& target) const {
  return {api::planned_get(target, path_, "a resource that does not exist: expects 4xx + envelope"),
          api::planned_get(target, unauth_path_, "without credentials: expects 401 + envelope")};
}

CheckResult ApiErrorModel::run(CheckContext& ctx) {
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  const std::regex format(
      ctx.provider.errors.code_pattern.empty() ? ".+" : ctx.provider.errors.code_pattern);
  struct Probe {
    std::string path;
    bool with_auth;
    std::string expected;
  };
  const Probe probes[] = {{path_, true, "4xx with the error envelope and a documented code"},
                          {unauth_path_, false, "401 with the error envelope and a code"}};
  CheckResult r;
  std::vector<std::string> problems, seen;
  std::string fix;
  for (const auto& p : probes) {
    const auto x = api::api_send(ctx, api::api_get(ctx, p.path), p.with_auth);
    const std::string label = "GET " + p.path + (p.with_auth ? "" : " without credentials");
    const auto* resp = x.response();
    if (resp == nullptr || resp->status == 429 || resp->status >= 500) {
      auto g = api::grade_unexpected(ctx, x, label, p.expected);
      g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
      return g;
    }
    Finding f;
    if (resp->status < 400) {
      f.observed = std::to_string(resp->status);
      f.problem = p.with_auth ? fmt::format("an invalid request was answered {}", resp->status)
                              : fmt::format(
                                    "a request without credentials was answered {}: "
                                    "authentication is not enforced at base_url",
                                    resp->status);
      f.fix = p.with_auth ? "set api.error-model path to a resource that does not exist"
                          : "base_url must reach the provider's API, not a proxy that adds "
                            "credentials or skips authentication";
    } else if (!p.with_auth && resp->status != 401) {
      f.observed = api::describe_status(ctx.provider, *resp);
      f.problem = "a request without credentials was answered " + f.observed + ", not 401";
      f.fix = "base_url must reach the provider's API directly";
    } else if (resp->truncated) {
      // A cut body is no evidence either way about the envelope.
      auto g = api::unreadable_body(
          x, label, p.expected, fmt::format("body is over {} bytes and was cut", resp->body.size()),
          "the error envelope");
      g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
      return g;
    } else {
      f = grade_envelope(ctx.provider, *resp, format);
    }
    auto ev = api::exchange_evidence(x, label, p.expected, f.observed);
    r.evidence.insert(r.evidence.end(), ev.begin(), ev.end());
    seen.push_back(label + " → " + f.observed);
    if (!f.problem.empty()) {
      problems.push_back(f.problem);
      if (fix.empty()) fix = f.fix;
    }
  }
  if (!problems.empty()) {
    r.status = Status::fail;
    r.summary = fmt::format("{}", fmt::join(problems, "; "));
    r.fix = fix;
  } else {
    r.status = Status::pass;
    r.summary = fmt::format("{}", fmt::join(seen, "; "));
  }
  return r;
}

}  // namespace golive::checks
