#include "audit/proxy_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/secret.hpp"
#include "engine/provider_api.hpp"
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

/// Writes an answer of the proxy's own: `a` in the vendor's envelope, the request id in the
/// pack's header (when it has one), and Date.
void write_error(const ProviderPack& pack, httplib::Response& res, const ErrorAnswer& a) {
  res.status = a.status;
  res.headers.clear();
  if (!pack.request_id.header.empty() && !a.request_id.empty()) {
    res.set_header(pack.request_id.header, a.request_id);
  }
  res.set_header("Date", http_date(std::chrono::system_clock::now()));
  res.set_content(error_body(pack, a).dump(), "application/json");
}

/// The request id the client can see in an answer the proxy writes: "" when the pack has
/// neither a request-id header nor a place for it in the body.
std::string visible_id(const ProviderPack& pack, const std::string& id) {
  const bool in_body = pack.errors.envelope.find("{request_id}") != std::string::npos ||
                       (pack.errors.envelope.empty() &&
                        (!pack.errors.request_id.empty() || !pack.request_id.body.empty()));
  return pack.request_id.header.empty() && !in_body ? "" : id;
}

}  // namespace

void forward(Upstream& up, const std::string& url, const ClientAuth& auth,
             const httplib::Request& req, httplib::Response& res, const std::string& issued_id,
             ExchangeRecord& e) {
  net::Request out;
  out.method = req.method;
  out.url = url;
  out.body = req.body;
  out.timeout = up.timeout;
  out.insecure = up.insecure;
  const ProviderPack& pack = *up.pack;
  // A Basic key pair is re-sent by the upstream client; any other scheme goes as received.
  out.auth = auth.basic;
  if (!auth.basic && !auth.raw.empty()) out.headers.set("authorization", auth.raw);
  for (const auto& [name, value] : req.headers) {
    const std::string key = lower(name);
    if (k_request_skip.count(key) || key.rfind("proxy-", 0) == 0) continue;
    out.headers.add(key, value);
  }
  if (up.add_missing_money_keys && pack.idempotency && e.idempotency_key.empty() &&
      !e.money_kind.empty()) {
    out.headers.set(lower(pack.idempotency->header),
                    "golive-audit-" + up.run_id + "-" + std::to_string(e.seq));
    e.key_added_by_proxy = true;
  }
  net::Exchange ex = up.client.send(out);
  const net::Response* rp = ex.response();
  if (rp == nullptr) {
    const net::TransportError* err = ex.error();
    const std::string kind = err ? std::string(net::to_string(err->kind)) : "error";
    e.error = err ? redact(err->message) : "no response";
    write_error(pack, res,
                ErrorAnswer{502, "GOLIVE-502-001",
                            "bluum-golive audit: the upstream did not answer (" + kind + ")",
                            "api_error", issued_id, ""});
    e.client_status = 502;
    e.request_id = visible_id(pack, issued_id);
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
  e.request_id = request_id_of(pack, r);
  if (e.request_id.empty() && !pack.request_id.header.empty()) {
    e.request_id = issued_id;
    res.set_header(pack.request_id.header, issued_id);
  }
  if (auto ra = r.headers.get("retry-after")) {
    e.retry_after = *ra;
    e.retry_after_date = ra->find_first_not_of("0123456789 ") != std::string::npos;
    if (auto delay = net::parse_retry_after(*ra, std::chrono::system_clock::now())) {
      e.retry_after_ms = delay->count();
    }
  }
  e.error_code = r.status >= 400 ? read_api_error(pack, r).code : "";
  res.set_content(r.body, r.headers.get("content-type").value_or("application/octet-stream"));
}

void answer_refused(const ProviderPack& pack, httplib::Response& res, const std::string& why,
                    const std::string& request_id, ExchangeRecord& e) {
  write_error(pack, res,
              ErrorAnswer{400, "GOLIVE-400-001",
                          "bluum-golive audit refused to forward the request: " + why,
                          "invalid_request_error", request_id, ""});
  e.client_status = 400;
  e.request_id = visible_id(pack, request_id);
  e.error_code = "GOLIVE-400-001";
  e.error = "refused, not forwarded: " + why;
}

void answer_injected(const ProviderPack& pack, httplib::Response& res, int status,
                     const Decision& d, const IssuedIds& ids, ExchangeRecord& e) {
  ErrorAnswer a{
      status,      "GOLIVE-" + std::to_string(status) + "-001", "", "api_error", ids.request_id,
      ids.trace_id};
  std::string meaning = "an error the audit injected";
  if (auto it = pack.errors.injected.find(status); it != pack.errors.injected.end()) {
    a.code = it->second.code;
    a.type = it->second.type;
    if (!it->second.message.empty()) {
      meaning = it->second.message;
    } else if (const KnownCode* known = pack.known_code(a.code)) {
      meaning = known->meaning;
    }
  }
  a.message = "Injected by bluum-golive audit: " + meaning;
  write_error(pack, res, a);
  if (!d.retry_after.empty()) res.set_header("Retry-After", d.retry_after);
  e.client_status = status;
  e.request_id = visible_id(pack, ids.request_id);
  e.trace_id =
      pack.errors.envelope.find("{trace_id}") != std::string::npos ? ids.trace_id : std::string();
  e.error_code = a.code;
  e.retry_after = d.retry_after;
  e.retry_after_ms = d.retry_after_ms;
  e.retry_after_date = d.step && d.step->http_date;
}

}  // namespace golive::audit
