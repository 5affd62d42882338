#include "net/curl_client.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "crypto/encoding.hpp"
#include "net/curl_support.hpp"
#include "net/url_policy.hpp"

namespace golive::net {
namespace {

using detail::EasyHandle;
using detail::Slist;
using Ms = std::chrono::milliseconds;

/// State one transfer's callbacks write into.
struct Transfer {
  CURL* easy = nullptr;
  Response response;
  size_t cap = 0;
  bool https = false;
};

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  const std::string_view line = trim(std::string_view(data, n));
  if (line.rfind("HTTP/", 0) == 0) {
    // A new status line (after 100 Continue, say) starts a fresh header block.
    t->response.headers = Headers{};
    // The connection is alive inside the callback, so its TLS session can be read safely.
    if (t->https && t->response.tls_version.empty())
      t->response.tls_version = detail::tls_version(t->easy);
    return n;
  }
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    t->response.headers.add(std::string(trim(line.substr(0, colon))),
                            std::string(trim(line.substr(colon + 1))));
  }
  return n;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  const size_t room = t->cap - std::min(t->cap, t->response.body.size());
  if (n <= room) {
    t->response.body.append(data, n);
    return n;
  }
  t->response.body.append(data, room);
  t->response.truncated = true;
  return 0;  // a short count makes libcurl abort with CURLE_WRITE_ERROR
}

/// Applies method and body. The body must outlive curl_easy_perform (it is not copied).
void set_method(CURL* h, const Request& r) {
  if (r.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else if (r.method == "GET" && r.body.empty()) {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (!r.body.empty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, r.body.data());
    if (r.method != "POST") curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r.method.c_str());
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r.method.c_str());
  }
}

/// Request headers plus Authorization; registers every credential value with the Redactor.
Slist build_headers(const Request& r, const std::string& user_agent) {
  Slist list;
  for (const auto& [name, value] : r.headers.all()) {
    if (name == "authorization") {
      if (r.auth) continue;  // BasicAuth wins over a hand-set header
      // Register the whole value and its credential part ("Bearer <token>") where it is built.
      register_secret(value);
      const size_t space = value.find(' ');
      if (space != std::string::npos) register_secret(value.substr(space + 1));
    }
    detail::append(list, name + ": " + value);
  }
  if (r.auth) {
    register_basic_credentials(r.auth->user.reveal(), r.auth->password.reveal());
    const std::string token =
        crypto::base64_encode(r.auth->user.reveal() + ":" + r.auth->password.reveal());
    detail::append(list, "Authorization: Basic " + token);
  }
  if (!r.headers.get("user-agent")) detail::append(list, "User-Agent: " + user_agent);
  detail::append(list, "Expect:");  // no 100-continue round trip
  return list;
}

Ms elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<Ms>(std::chrono::steady_clock::now() - start);
}

}  // namespace

struct CurlClient::Pool {
  std::mutex mu;
  std::vector<EasyHandle> idle;
  size_t max_idle = 8;

  EasyHandle take() {
    {
      std::lock_guard lock(mu);
      if (!idle.empty()) {
        EasyHandle h = std::move(idle.back());
        idle.pop_back();
        return h;
      }
    }
    return EasyHandle(curl_easy_init());
  }
  void give(EasyHandle h) {
    std::lock_guard lock(mu);
    if (idle.size() < max_idle) idle.push_back(std::move(h));
  }
};

CurlClient::CurlClient(CurlOptions options)
    : options_(std::move(options)), pool_(std::make_unique<Pool>()) {
  detail::ensure_curl_global_init();
  pool_->max_idle = options_.max_idle_handles;
  if (options_.user_agent.empty()) options_.user_agent = "bluum-golive/" GOLIVE_VERSION;
}

CurlClient::~CurlClient() = default;

Exchange CurlClient::send(const Request& request) {
  Exchange ex{TransportError{}, {}};
  Attempt attempt{request.method, redact_url(request.url), 0, "", "", Ms{0}, Ms{0}};
  const auto start = std::chrono::steady_clock::now();
  const auto finish = [&](Outcome outcome) {
    if (auto* r = std::get_if<Response>(&outcome)) {
      attempt.status = r->status;
      attempt.request_id = r->request_id;
      attempt.latency = r->latency;
    } else {
      auto& e = std::get<TransportError>(outcome);
      e.latency = elapsed_since(start);
      attempt.error = fmt::format("{}: {}", to_string(e.kind), e.message);
      attempt.latency = e.latency;
    }
    if (options_.trace) {
      std::string line = fmt::format("{} {} -> ", attempt.method, attempt.url);
      if (attempt.status != 0) {
        line += fmt::format("{} ({} ms)", attempt.status, attempt.latency.count());
        if (!attempt.request_id.empty()) line += " x-request-id=" + attempt.request_id;
        const auto* r = std::get_if<Response>(&outcome);
        if (r != nullptr && r->truncated)
          line += fmt::format(" body cut at {} bytes", r->body.size());
      } else {
        line += fmt::format("{} ({} ms)", attempt.error, attempt.latency.count());
      }
      options_.trace(golive::redact(line));
    }
    ex.outcome = std::move(outcome);
    ex.attempts.push_back(std::move(attempt));
    return ex;
  };

  auto vetted = vet_request(request);
  if (const auto* why = std::get_if<std::string>(&vetted))
    return finish(detail::policy_error(*why));
  const Url& target = std::get<Url>(vetted);

  EasyHandle handle = pool_->take();
  if (!handle)
    return finish(TransportError{TransportErrorKind::other, "libcurl: out of memory", Ms{0}});
  CURL* h = handle.get();
  curl_easy_reset(h);

  Transfer t;
  t.easy = h;
  t.cap = request.max_body_bytes;
  t.https = target.scheme == "https";
  const Ms timeout = std::max(request.timeout, Ms{1});
  const Ms connect_timeout = std::clamp(request.connect_timeout, Ms{1}, timeout);
  char errbuf[CURL_ERROR_SIZE] = {};
  Slist headers = build_headers(request, options_.user_agent);

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, request.insecure ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, request.insecure ? 0L : 2L);
  if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
  // A proxy for a loopback target would either fail or leak local traffic; talk to it directly.
  if (is_loopback_host(target.host)) curl_easy_setopt(h, CURLOPT_PROXY, "");
  // No Accept-Encoding: bodies come as sent (identity), as a plain `curl` asks for them, so a
  // server's compression time never counts against a check's latency budget.
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  set_method(h, request);

  const CURLcode rc = curl_easy_perform(h);
  const Ms latency = elapsed_since(start);
  Outcome outcome = TransportError{};
  if (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && t.response.truncated)) {
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    t.response.status = static_cast<int>(status);
    t.response.latency = latency;
    t.response.request_id = t.response.headers.get("x-request-id").value_or("");
    t.response.date = t.response.headers.get("date").value_or("");
    outcome = std::move(t.response);
  } else {
    long os_errno = 0;
    curl_off_t connect_us = 0;
    curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
    curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us);
    outcome = detail::map_curl_error(rc, detail::FailureContext{target, timeout, connect_timeout,
                                                                errbuf, os_errno, connect_us > 0});
  }
  // Detach the stack buffers before the handle goes back to the pool.
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  pool_->give(std::move(handle));
  return finish(std::move(outcome));
}

}  // namespace golive::net
