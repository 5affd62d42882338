#include "checks/api/bluum_http.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "net/json_body.hpp"
#include "net/url.hpp"

namespace golive::checks::api {

namespace {

using std::chrono::milliseconds;

bool unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string percent_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (unreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

/// Meaning and fix of the 401 and 403 codes (SEED §1.2).
struct AuthCode {
  const char* code;
  const char* meaning;
  const char* fix;
};

constexpr AuthCode kAuthCodes[] = {
    {"BLUM-401-001", "missing Authorization header",
     "send Authorization: Basic base64(API_KEY:API_SECRET) on every request"},
    {"BLUM-401-002", "malformed Authorization header",
     "send Authorization: Basic base64(API_KEY:API_SECRET) with the key and secret as issued"},
    {"BLUM-401-003", "invalid key or secret, or a revoked key: the key or secret was not updated",
     "set the profile's credentials to this environment's live key pair and deploy it; "
     "production keys are separate from sandbox keys"},
    {"BLUM-401-004", "the API key is inactive",
     "activate the key in the dashboard or create a new key pair"},
    {"BLUM-401-005", "the API key has expired", "create a new key pair and rotate to it"},
    {"BLUM-403-001", "insufficient permissions",
     "use tenant-wide credentials; investor-scoped keys are refused on these routes"},
    {"BLUM-403-002", "the account is not approved (KYC)",
     "finish the account's compliance approval before cut-over"},
    {"BLUM-403-003", "production access is required",
     "request production access (compliance approval) from the provider's support"},
    {"BLUM-403-004", "the operation is not allowed in the current state",
     "check the resource's state before calling"},
};

constexpr std::pair<const char*, const char*> kOtherCodes[] = {
    {"BLUM-400-001", "validation failed"},
    {"BLUM-400-002", "a required field is missing"},
    {"BLUM-400-003", "a field has the wrong format"},
    {"BLUM-400-004", "a value is not in the allowed enumeration"},
    {"BLUM-400-005", "invalid amount"},
    {"BLUM-400-006", "invalid quantity"},
    {"BLUM-400-007", "invalid date range"},
    {"BLUM-400-008", "request body too large"},
    {"BLUM-404-001", "resource not found"},
    {"BLUM-404-002", "endpoint not found"},
    {"BLUM-404-003", "asset not found"},
    {"BLUM-409-001", "duplicate resource"},
    {"BLUM-409-002", "idempotency conflict (same key, different body)"},
    {"BLUM-409-003", "state conflict"},
    {"BLUM-422-001", "insufficient funds"},
    {"BLUM-422-002", "market closed"},
    {"BLUM-422-003", "asset not tradable"},
    {"BLUM-422-004", "insufficient position"},
    {"BLUM-422-005", "withdrawal limit exceeded"},
    {"BLUM-429-001", "rate limit exceeded"},
    {"BLUM-500-001", "internal server error"},
    {"BLUM-500-017", "external service error"},
    {"PRODUCT_NOT_ENABLED", "the add-on product is not enabled for this account"},
};

const AuthCode* auth_code(const std::string& code) {
  for (const auto& c : kAuthCodes) {
    if (code == c.code) return &c;
  }
  return nullptr;
}

std::string host_of(const CheckContext& ctx) {
  auto parsed = net::parse_url(ctx.target.base_url);
  return parsed.ok() ? parsed.url->authority() : "the base URL";
}

}  // namespace

std::string path_with_query(const std::string& path, const Query& query) {
  std::string out = path;
  char sep = path.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, value] : query) {
    out += sep + percent_encode(key) + "=" + percent_encode(value);
    sep = '&';
  }
  return out;
}

std::string api_url(const std::string& base_url, const std::string& path_and_query) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path_and_query;
}

PlannedRequest planned_get(const Target& target, const std::string& path_and_query,
                           std::string note) {
  PlannedRequest p;
  p.method = "GET";
  const bool known = !target.base_url.empty() && target.base_url != "embedded";
  p.url =
      known ? net::redact_url(api_url(target.base_url, path_and_query)) : "{base}" + path_and_query;
  p.side_effect = SideEffect::read_only;
  p.note = std::move(note);
  return p;
}

std::optional<net::BasicAuth> basic_auth(const CheckContext& ctx, std::string& missing) {
  const Secret* user = ctx.credential(ctx.provider.auth_user_credential);
  const Secret* password = ctx.credential(ctx.provider.auth_password_credential);
  if (user == nullptr || user->empty()) {
    missing = ctx.provider.auth_user_credential;
    return std::nullopt;
  }
  if (password == nullptr || password->empty()) {
    missing = ctx.provider.auth_password_credential;
    return std::nullopt;
  }
  return net::BasicAuth{*user, *password};
}

net::Request api_get(const CheckContext& ctx, const std::string& path_and_query,
                     const std::optional<net::BasicAuth>& auth) {
  net::Request req;
  req.method = "GET";
  req.url = api_url(ctx.target.base_url, path_and_query);
  req.headers.set("Accept", "application/json");
  req.auth = auth;
  const milliseconds configured{std::max(1, ctx.profile().http.timeout_s) * 1000L};
  req.timeout = std::max(milliseconds(1), std::min(configured, ctx.time_left()));
  req.connect_timeout = std::min(milliseconds(5000), req.timeout);
  return req;
}

ErrorEnvelope read_error(const nlohmann::json& body) {
  ErrorEnvelope e;
  if (!body.is_object()) return e;
  auto nested = body.find("error");
  const nlohmann::json* src = nullptr;
  if (nested != body.end() && nested->is_object()) {
    e.shape = "error";
    src = &*nested;
  } else if (body.contains("code") || body.contains("message")) {
    e.shape = "legacy";
    src = &body;
  }
  if (src == nullptr) return e;
  e.type = json_string(*src, "type");
  e.code = json_string(*src, "code");
  e.message = json_string(*src, "message");
  e.param = json_string(*src, "param");
  e.found = !e.code.empty() || !e.message.empty();
  return e;
}

ErrorEnvelope read_error(const net::Response& response) {
  auto parsed = net::parse_json_body(response);
  return parsed.value ? read_error(*parsed.value) : ErrorEnvelope{};
}

const nlohmann::json* list_items(const nlohmann::json& body) {
  if (body.is_array()) return &body;
  if (!body.is_object()) return nullptr;
  auto data = body.find("data");
  if (data == body.end() || !data->is_array()) return nullptr;
  const auto object = json_string(body, "object");
  const auto status = json_string(body, "status");
  return object == "list" || status == "success" ? &*data : nullptr;
}

std::string code_meaning(const std::string& code) {
  if (const auto* a = auth_code(code)) return a->meaning;
  for (const auto& [c, meaning] : kOtherCodes) {
    if (code == c) return meaning;
  }
  return "";
}

std::string describe_status(const net::Response& response) {
  std::string out = std::to_string(response.status);
  if (response.status < 400) return out;
  const auto err = read_error(response);
  if (!err.code.empty()) out += " " + redact(err.code);
  const auto meaning = code_meaning(err.code);
  if (!meaning.empty()) {
    out += " (" + meaning + ")";
  } else if (!err.message.empty()) {
    out += " (" + redact(err.message.substr(0, 120)) + ")";
  }
  return out;
}

std::string retry_note(const net::Exchange& x) {
  if (x.attempts.size() <= 1) return "";
  milliseconds waited{0};
  for (const auto& a : x.attempts) waited += a.waited_before;
  return fmt::format("{} attempts, waited {} ms", x.attempts.size(), waited.count());
}

std::vector<Evidence> exchange_evidence(const net::Exchange& x, const std::string& label,
                                        const std::string& expected, const std::string& observed) {
  std::vector<Evidence> out;
  const size_t n = x.attempts.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& a = x.attempts[i];
    Evidence e;
    e.label = label;
    if (n > 1) e.label += fmt::format(" (attempt {} of {})", i + 1, n);
    if (a.waited_before.count() > 0)
      e.label += fmt::format(", waited {} ms", a.waited_before.count());
    e.method = a.method;
    e.url = a.url;
    e.status = a.status;
    e.request_id = a.request_id;
    e.latency_ms = static_cast<double>(a.latency.count());
    if (i + 1 == n) {
      e.expected = expected;
      e.observed = observed;
    } else {
      e.observed = (a.status ? std::to_string(a.status) : a.error) + ", retried";
    }
    out.push_back(std::move(e));
  }
  return out;
}

CheckResult grade_unexpected(const CheckContext& ctx, const net::Exchange& x,
                             const std::string& label, const std::string& expected) {
  CheckResult r;
  const auto note = retry_note(x);
  const auto after = note.empty() ? "" : " (" + note + ")";
  if (const auto* err = x.error()) {
    r.evidence = exchange_evidence(x, label, expected, redact(err->message));
    r.summary = fmt::format("{}: {}{}", label, redact(err->message), after);
    if (net::is_inconclusive(err->kind)) {
      r.status = Status::inconclusive;
      r.fix = fmt::format("check that {} is reachable from here (network, proxy, firewall)",
                          host_of(ctx));
    } else {
      r.status = Status::fail;
      r.fix = err->kind == net::TransportErrorKind::tls
                  ? "serve the base URL with a valid certificate for its host (TLS 1.2+), or "
                    "correct base_url"
                  : "correct base_url so it points at the provider's API";
    }
    return r;
  }
  const auto& resp = *x.response();
  const auto described = describe_status(resp);
  r.evidence = exchange_evidence(x, label, expected, described);
  r.summary = fmt::format("{} answered {}{}", label, described, after);
  const auto code = read_error(resp).code;
  if (resp.status == 401 || resp.status == 403) {
    r.status = Status::fail;
    const auto* a = auth_code(code);
    r.fix =
        a ? a->fix
          : fmt::format("set {} and {} to this environment's key pair",
                        ctx.provider.auth_user_credential, ctx.provider.auth_password_credential);
    if (resp.status == 401 && a == nullptr) {
      r.summary += "; 401 means the key or secret was not updated";
    }
  } else if (resp.status == 429 || resp.status >= 500) {
    r.status = Status::inconclusive;
    r.fix = "the provider is rate limiting or failing; try again later and quote the X-Request-Id";
  } else if (resp.status >= 300 && resp.status < 400) {
    r.status = Status::fail;
    r.summary += " redirecting to " + net::redact_url(resp.headers.get("location").value_or("?"));
    r.fix = "set base_url to the URL the provider documents; requests are never redirected";
  } else {
    r.status = Status::fail;
    r.fix = "check base_url (host and /v1 prefix) and the check's path option";
  }
  return r;
}

CheckResult unreadable_body(const net::Exchange& x, const std::string& label,
                            const std::string& expected, const std::string& problem,
                            const std::string& claim) {
  CheckResult r;
  const auto* resp = x.response();
  const auto status = resp ? std::to_string(resp->status) : std::string("?");
  r.status = Status::inconclusive;
  r.evidence = exchange_evidence(x, label, expected, status + ", " + problem);
  r.summary = fmt::format("{} answered {}, but the {}; {} could not be verified", label, status,
                          problem, claim);
  r.fix = resp && resp->truncated
              ? "the answer is larger than this check reads; see the check's doc for the options "
                "that make it smaller"
              : "base_url must reach the provider's JSON API directly (no gateway or proxy page "
                "in between); run again, and quote the X-Request-Id to the provider if it repeats";
  return r;
}

CheckResult missing_credential(const std::string& missing) {
  CheckResult r;
  r.status = Status::inconclusive;
  r.summary = fmt::format("credential {} is not resolved, so nothing was sent", missing);
  r.fix = "see credentials.present for why it does not resolve";
  return r;
}

}  // namespace golive::checks::api
