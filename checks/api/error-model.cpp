#include "checks/api/error-model.hpp"

#include <fmt/format.h>

#include <regex>

#include "checks/api/bluum_http.hpp"
#include "net/json_body.hpp"

namespace golive::checks {

namespace {

constexpr const char* kDefaultPath = "/investors/inv_golivenotfound00000000";
constexpr const char* kUnauthPath = "/assets";
constexpr const char* kDefaultRegex = "^BLUM-([0-9]{3})-([0-9]{3})$";

/// What one probe found: empty `problem` means the error path behaved as documented.
struct Finding {
  std::string observed;
  std::string problem;
  std::string fix;
};

/// Grades a 4xx answer: envelope present, code in the provider's format and carrying `status`.
Finding grade_envelope(const net::Response& resp, const std::regex& format) {
  Finding f;
  const auto body = net::parse_json_body(resp);
  const auto env = body.value ? api::read_error(*body.value) : api::ErrorEnvelope{};
  const std::string status = std::to_string(resp.status);
  if (!env.found) {
    f.observed = status + ", " + (body.value ? "no error envelope" : body.problem);
    f.problem = fmt::format("the {} body is not an error envelope ({})", status,
                            body.value ? "no error.code or code/message" : body.problem);
    f.fix =
        "base_url must reach the provider's API directly: a gateway or proxy is answering "
        "errors with its own bodies";
    return f;
  }
  f.observed = fmt::format("{} {} ({} envelope{})", status, redact(env.code), env.shape,
                           env.type.empty() ? "" : ", type " + env.type);
  std::smatch m;
  if (!std::regex_match(env.code, m, format)) {
    f.problem = fmt::format("the {} error code '{}' is not in the provider's format", status,
                            redact(env.code));
  } else if (m.size() > 1 && m[1].str() != status) {
    f.problem =
        fmt::format("the error code {} does not carry the HTTP status {}", env.code, status);
  }
  if (!f.problem.empty()) {
    f.fix = "base_url must reach the provider's API directly; error codes are BLUM-{status}-{seq}";
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
      "GET of an investor that does not exist answers 4xx, and GET /assets without "
      "credentials answers 401, each with a parseable error envelope and a "
      "BLUM-{status}-{seq} code matching the HTTP status.";
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

ApiErrorModel::ApiErrorModel(CheckOptions& options)
    : path_(options.get_string("path", kDefaultPath)) {
  if (path_.empty() || path_.front() != '/') options.error("path", "must start with '/'");
}

std::vector<PlannedRequest> ApiErrorModel::planned_requests(const Target& target) const {
  return {api::planned_get(target, path_, "a resource that does not exist: expects 4xx + envelope"),
          api::planned_get(target, kUnauthPath, "without credentials: expects 401 + envelope")};
}

CheckResult ApiErrorModel::run(CheckContext& ctx) {
  std::string missing;
  const auto auth = api::basic_auth(ctx, missing);
  if (!auth) return api::missing_credential(missing);
  const std::regex format(ctx.provider.error_code_regex.empty() ? kDefaultRegex
                                                                : ctx.provider.error_code_regex);
  struct Probe {
    std::string path;
    bool with_auth;
    std::string expected;
  };
  const Probe probes[] = {{path_, true, "4xx with an error envelope and a BLUM code"},
                          {kUnauthPath, false, "401 with an error envelope and a BLUM-401 code"}};
  CheckResult r;
  std::vector<std::string> problems, seen;
  std::string fix;
  for (const auto& p : probes) {
    const auto x = ctx.http.send(api::api_get(ctx, p.path, p.with_auth ? auth : std::nullopt));
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
      f.observed = api::describe_status(*resp);
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
      f = grade_envelope(*resp, format);
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
