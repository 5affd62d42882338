#include "checks/api/api_http.hpp"

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

/// Every credential name the pack's auth uses, joined: "api_key and api_secret".
std::string auth_names(const ProviderPack& p) {
  switch (p.auth.strategy) {
    case AuthStrategy::basic:
      return p.auth.user + " and " + p.auth.password;
    case AuthStrategy::bearer:
      return p.auth.credential;
    case AuthStrategy::token_exchange:
      return p.auth.token.credential;
  }
  return "the credentials";
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

std::string missing_auth_credential(const CheckContext& ctx) {
  return ProviderApi(ctx).missing_credential();
}

net::Request api_get(const CheckContext& ctx, const std::string& path_and_query) {
  return ProviderApi(ctx).request("GET", path_and_query);
}

net::Exchange api_send(const CheckContext& ctx, net::Request request, bool with_auth) {
  if (!with_auth) return ctx.http.send(request);
  return ProviderApi(ctx).send(std::move(request));
}

ApiError read_error(const ProviderPack& pack, const net::Response& response) {
  return read_api_error(pack, response);
}

const nlohmann::json* list_items(const nlohmann::json& body) {
  if (body.is_array()) return &body;
  if (!body.is_object()) return nullptr;
  auto data = body.find("data");
  if (data == body.end() || !data->is_array()) return nullptr;
  // {object:"list", data} (Bluum), {status:"success", data} (Bluum legacy), {type:"list", data}
  // (Basiq), {data, page} (Blockchain0x): any object whose `data` is an array.
  return &*data;
}

std::string code_meaning(const ProviderPack& pack, const std::string& code) {
  const KnownCode* k = pack.known_code(code);
  return k ? k->meaning : "";
}

std::string describe_status(const ProviderPack& pack, const net::Response& response) {
  std::string out = std::to_string(response.status);
  if (response.status < 400) return out;
  const auto err = read_api_error(pack, response);
  if (!err.code.empty()) out += " " + redact(err.code);
  const auto meaning = code_meaning(pack, err.code);
  if (!meaning.empty()) {
    out += " (" + meaning + ")";
  } else if (!err.message.empty()) {
    out += " (" + redacted_excerpt(err.message, 120) + ")";  // redacted before it is cut
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
  const auto described = describe_status(ctx.provider, resp);
  r.evidence = exchange_evidence(x, label, expected, described);
  r.summary = fmt::format("{} answered {}{}", label, described, after);
  const auto code = read_api_error(ctx.provider, resp).code;
  if (resp.status == 401 || resp.status == 403) {
    r.status = Status::fail;
    const KnownCode* k = ctx.provider.known_code(code);
    r.fix = k != nullptr && !k->fix.empty()
                ? k->fix
                : fmt::format("set {} to this environment's credentials", auth_names(ctx.provider));
    if (resp.status == 401 && (k == nullptr || k->fix.empty())) {
      r.summary += "; 401 means the credentials were not updated for this environment";
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
                "in between); run again, and quote the request id to the provider if it repeats";
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
