#include "providers/bluum/refclient/client.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <random>

#include "core/clock.hpp"
#include "crypto/random.hpp"

namespace golive::bluum::refclient {

namespace {

using nlohmann::json;

/// One log line per attempt, between the retries and the throttle, so every answer is logged
/// — the ones a retry replaces too (their X-Request-Id and trace_id are what support asks for).
class LoggingClient final : public net::HttpClient {
 public:
  LoggingClient(net::HttpClient& inner, Client& owner) : inner_(inner), owner_(owner) {}

  net::Exchange send(const net::Request& request) override {
    net::Exchange ex = inner_.send(request);
    const std::string key = request.headers.get("Idempotency-Key").value_or("");
    std::string line = fmt::format("{} {}", request.method, net::redact_url(request.url));
    if (!key.empty()) line += " idempotency_key=" + key;
    if (const auto* r = ex.response()) {
      line += fmt::format(" -> {} request_id={}", r->status,
                          r->request_id.empty() ? "-" : r->request_id);
      if (r->status >= 400) {
        std::string trace = trace_id_of(json::parse(r->body, nullptr, false));
        if (trace.empty()) trace = r->headers.get("X-Trace-Id").value_or("");
        if (!trace.empty()) line += " trace_id=" + trace;
      }
      if (const auto after = r->headers.get("Retry-After")) line += " retry_after=" + *after;
    } else {
      line += " -> no answer (" + ex.error()->message + ")";
    }
    owner_.note(line);
    return ex;
  }

 private:
  net::HttpClient& inner_;
  Client& owner_;
};

/// A fresh connection per request: libcurl silently resends a request once when a reused
/// keep-alive connection closes before the answer, which would hide a lost answer from the
/// retry policy (no backoff, no log line). On a fresh connection the loss reaches it.
net::CurlOptions curl_options() {
  net::CurlOptions o;
  o.max_idle_handles = 0;
  return o;
}

/// Jitter replayable from the user's --seed (the demo's report is the same every run): the one
/// place besides the audit's fault planner where a seeded generator is wanted, not RAND_bytes.
class SeededRandom final : public net::RandomSource {
 public:
  explicit SeededRandom(unsigned seed) : gen_(seed) {}
  double uniform() override { return std::uniform_real_distribution<double>(0.0, 1.0)(gen_); }

 private:
  std::mt19937_64 gen_;
};

/// Backoff randomness: seeded for a reproducible demo, else from OpenSSL (net::SystemRandom).
std::unique_ptr<net::RandomSource> random_source(const std::optional<unsigned>& seed) {
  if (seed) return std::make_unique<SeededRandom>(*seed);
  return std::make_unique<net::SystemRandom>();
}

net::RetryPolicy retry_policy(const ClientConfig& c) {
  net::RetryConfig r;
  r.max_attempts = c.max_attempts;
  r.base_ms = c.backoff_base;
  r.cap_ms = c.backoff_cap;
  // Every 5xx the API may answer is transient; 4xx other than 429 never is.
  r.retry_statuses = {429, 500, 502, 503, 504};
  // A connection closed before the answer ("protocol": the server may have acted) is retried
  // only where the request may be replayed: a GET, or a POST carrying its Idempotency-Key.
  r.retry_transport_kinds = {net::TransportErrorKind::timeout, net::TransportErrorKind::connect,
                             net::TransportErrorKind::protocol};
  return net::RetryPolicy(r);
}

}  // namespace

std::string trace_id_of(const json& body) {
  if (body.is_object()) {
    for (const char* name : {"trace_id", "traceId"}) {
      if (auto it = body.find(name); it != body.end() && it->is_string()) {
        return it->get<std::string>();
      }
    }
  }
  if (body.is_object() || body.is_array()) {
    for (const auto& item : body) {
      if (std::string found = trace_id_of(item); !found.empty()) return found;
    }
  }
  return "";
}

Client::Client(ClientConfig config, std::ostream& log)
    : config_(std::move(config)),
      log_(log),
      curl_(curl_options()),
      limiter_(SystemClock::instance(), config_.rate_per_s),
      throttled_(curl_, limiter_, "api-key"),
      logged_(std::make_unique<LoggingClient>(throttled_, *this)),
      random_(random_source(config_.seed)),
      retrying_(std::make_unique<net::RetryingClient>(
          *logged_, SystemClock::instance(), *random_, retry_policy(config_),
          std::chrono::steady_clock::now() + std::chrono::minutes(10))) {}

void Client::note(const std::string& text) {
  const auto now = std::chrono::system_clock::now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  log_ << fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z {}\n",
                      fmt::gmtime(std::chrono::system_clock::to_time_t(now)), ms, text)
       << std::flush;
}

CallResult Client::get(const std::string& path, std::chrono::seconds ttl) {
  const auto now = std::chrono::steady_clock::now();
  if (auto it = cache_.find(path); it != cache_.end() && now < it->second.until) {
    note(fmt::format("GET {} answered from the cache (request_id={} earlier)", path,
                     it->second.result.request_id));
    CallResult cached = it->second.result;
    cached.from_cache = true;
    cached.attempts = 0;
    return cached;
  }
  net::Request req;
  req.url = config_.base_url + path;
  CallResult r = send(std::move(req));
  if (r.status == 200 && ttl.count() > 0) cache_[path] = Cached{now + ttl, r};
  return r;
}

CallResult Client::post(const std::string& path, const json& body) {
  net::Request req;
  req.method = "POST";
  req.url = config_.base_url + path;
  req.headers.set("Content-Type", "application/json");
  // One key per operation, generated before the first attempt: a retry after a lost answer
  // then replays the server's first result instead of creating a second resource.
  req.headers.set("Idempotency-Key", crypto::random_hex(32));
  req.body = body.dump();
  return send(std::move(req));
}

CallResult Client::send(net::Request request) {
  request.auth = net::BasicAuth{config_.api_key, config_.api_secret};
  request.timeout = config_.timeout;
  request.connect_timeout = std::min(config_.timeout, request.connect_timeout);
  const net::Exchange ex = retrying_->send(request);
  CallResult r;
  r.attempts = static_cast<int>(ex.attempts.size());
  if (const auto* resp = ex.response()) {
    r.status = resp->status;
    r.request_id = resp->request_id;
    r.body = json::parse(resp->body, nullptr, false);
    if (r.body.is_discarded()) r.body = nullptr;
  } else {
    r.error = ex.error()->message;
  }
  return r;
}

}  // namespace golive::bluum::refclient
