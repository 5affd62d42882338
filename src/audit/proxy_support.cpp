#include "audit/proxy_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/secret.hpp"
#include "crypto/encoding.hpp"
#include "net/retry_policy.hpp"

namespace golive::audit {

namespace {

using nlohmann::json;

/// Request headers never forwarded: hop-by-hop (RFC 9110 §7.6.1), framing that the upstream
/// client rebuilds, and Accept-Encoding (the upstream client asks for identity bodies).
const std::set<std::string> k_request_skip = {
    "connection",        "keep-alive", "proxy-authorization",
    "proxy-connection",  "te",         "trailer",
    "transfer-encoding", "upgrade",    "host",
    "content-length",    "expect",     "accept-encoding",
    "authorization"};
/// Response headers not copied back: hop-by-hop and framing that httplib writes itself.
const std::set<std::string> k_response_skip = {
    "connection",   "keep-alive", "transfer-encoding", "content-length",    "content-encoding",
    "content-type", "trailer",    "upgrade",           "proxy-authenticate"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// The `code` of a Bluum error envelope (newer or older shape), or "".
std::string error_code_of(const std::string& body) {
  if (body.empty() || body.front() != '{') return "";
  json j = json::parse(body, nullptr, false);
  if (!j.is_object()) return "";
  if (auto it = j.find("error"); it != j.end() && it->is_object()) {
    if (auto c = it->find("code"); c != it->end() && c->is_string()) return c->get<std::string>();
  }
  if (auto c = j.find("code"); c != j.end() && c->is_string()) return c->get<std::string>();
  return "";
}

std::string envelope(const std::string& type, const std::string& code, const std::string& message) {
  return json{{"error", {{"type", type}, {"code", code}, {"message", message}}}}.dump();
}

/// Parses "Basic base64(user:password)"; false for any other scheme or a malformed value.
bool basic_credentials(const std::string& value, std::string& user, std::string& password) {
  if (value.size() < 6 || lower(value.substr(0, 6)) != "basic ") return false;
  auto decoded = crypto::base64_decode(value.substr(6));
  if (!decoded) return false;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return false;
  user = decoded->substr(0, colon);
  password = decoded->substr(colon + 1);
  return true;
}

}  // namespace

ClientAuth client_auth(const httplib::Request& req) {
  ClientAuth out;
  if (!req.has_header("Authorization")) return out;
  const std::string value = req.get_header_value("Authorization");
  std::string user, password;
  if (basic_credentials(value, user, password)) {
    register_basic_credentials(user, password);
    out.basic = net::BasicAuth{Secret(user, "audit client"), Secret(password, "audit client")};
  } else {
    out.other = value;
  }
  // The header exactly as sent (its encoding may differ from the canonical one) and its
  // credential part after the scheme; a bare scheme name ("Basic") is no secret.
  const auto space = value.find(' ');
  if (space == std::string::npos) {
    register_secret(value);
  } else if (space + 1 < value.size()) {
    register_secret(value);
    register_secret(value.substr(space + 1));
  }
  return out;
}

void forward(Upstream& up, const std::string& url, const ClientAuth& auth,
             const httplib::Request& req, httplib::Response& res, const std::string& issued_id,
             ExchangeRecord& e) {
  net::Request out;
  out.method = req.method;
  out.url = url;
  out.body = req.body;
  out.timeout = up.timeout;
  out.insecure = up.insecure;
  out.auth = auth.basic;
  if (!auth.other.empty()) out.headers.set("authorization", auth.other);
  for (const auto& [name, value] : req.headers) {
    const std::string key = lower(name);
    if (k_request_skip.count(key) || key.rfind("proxy-", 0) == 0) continue;
    out.headers.add(key, value);
  }
  if (up.add_missing_money_keys && e.idempotency_key.empty() &&
      is_money_movement(req.method, req.path)) {
    out.headers.set("idempotency-key", "golive-audit-" + up.run_id + "-" + std::to_string(e.seq));
    e.key_added_by_proxy = true;
  }
  net::Exchange ex = up.client.send(out);
  const net::Response* rp = ex.response();
  if (rp == nullptr) {
    const net::TransportError* err = ex.error();
    const std::string kind = err ? std::string(net::to_string(err->kind)) : "error";
    e.error = err ? redact(err->message) : "no response";
    res.status = 502;
    res.set_header("X-Request-Id", issued_id);
    res.set_content(envelope("api_error", "GOLIVE-502-001",
                             "bluum-golive audit: the upstream did not answer (" + kind + ")"),
                    "application/json");
    e.client_status = 502;
    e.request_id = issued_id;
    e.error_code = "GOLIVE-502-001";
    return;
  }
  const net::Response& r = *rp;
  e.upstream_status = r.status;
  e.client_status = r.status;
  res.status = r.status;
  for (const auto& [name, value] : r.headers.all()) {
    if (!k_response_skip.count(name)) res.set_header(name, value);
  }
  e.request_id = r.request_id;
  if (e.request_id.empty()) {
    e.request_id = issued_id;
    res.set_header("X-Request-Id", issued_id);
  }
  if (auto ra = r.headers.get("retry-after")) {
    e.retry_after = *ra;
    e.retry_after_date = ra->find_first_not_of("0123456789 ") != std::string::npos;
    if (auto delay = net::parse_retry_after(*ra, std::chrono::system_clock::now())) {
      e.retry_after_ms = delay->count();
    }
  }
  e.error_code = r.status >= 400 ? error_code_of(r.body) : "";
  res.set_content(r.body, r.headers.get("content-type").value_or("application/octet-stream"));
}

void answer_refused(httplib::Response& res, const std::string& why, const std::string& request_id,
                    ExchangeRecord& e) {
  res.status = 400;
  res.headers.clear();
  res.set_header("X-Request-Id", request_id);
  res.set_header("Date", http_date(std::chrono::system_clock::now()));
  res.set_content(envelope("invalid_request_error", "GOLIVE-400-001",
                           "bluum-golive audit refused to forward the request: " + why),
                  "application/json");
  e.client_status = 400;
  e.request_id = request_id;
  e.error_code = "GOLIVE-400-001";
  e.error = "refused, not forwarded: " + why;
}

void answer_injected(httplib::Response& res, int status, const Decision& d,
                     const std::string& request_id, ExchangeRecord& e) {
  static const std::map<int, std::pair<std::string, std::string>> kinds = {
      {400, {"invalid_request_error", "validation error"}},
      {401, {"authentication_error", "invalid API key or secret"}},
      {403, {"permission_error", "forbidden"}},
      {404, {"invalid_request_error", "no such resource"}},
      {409, {"invalid_request_error", "conflict"}},
      {422, {"invalid_request_error", "unprocessable request"}},
      {429, {"rate_limit_error", "too many requests"}},
  };
  auto it = kinds.find(status);
  const std::string type = it != kinds.end() ? it->second.first : "api_error";
  const std::string what = it != kinds.end() ? it->second.second : "service unavailable";
  const std::string code = "BLUM-" + std::to_string(status) + "-001";
  res.status = status;
  res.headers.clear();
  res.set_header("X-Request-Id", request_id);
  res.set_header("Date", http_date(std::chrono::system_clock::now()));
  if (!d.retry_after.empty()) res.set_header("Retry-After", d.retry_after);
  res.set_content(envelope(type, code, "Injected by bluum-golive audit: " + what),
                  "application/json");
  e.client_status = status;
  e.request_id = request_id;
  e.error_code = code;
  e.retry_after = d.retry_after;
  e.retry_after_ms = d.retry_after_ms;
  e.retry_after_date = d.step && d.step->http_date;
}

}  // namespace golive::audit
