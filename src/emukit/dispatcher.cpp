#include "emukit/dispatcher.hpp"

#include <regex>

#include "crypto/webhook.hpp"
#include "net/curl_client.hpp"
#include "net/url.hpp"

namespace golive::emukit {

HeaderList standard_webhooks_sign(const std::string& secret, const std::string& message_id,
                                  std::int64_t timestamp, const std::string& body) {
  static const auto scheme = webhook::make_scheme("standard");
  return scheme->sign(secret, webhook::SignInput{message_id, timestamp, body});
}

Dispatcher::Dispatcher(Clock& clock, std::function<bool(std::chrono::milliseconds)> pause)
    : clock_(clock), pause_(std::move(pause)) {}

Dispatcher::~Dispatcher() {
  stop();
}

void Dispatcher::start() {
  thread_ = std::thread([this] { run(); });
}

void Dispatcher::stop() {
  std::unique_lock lock(mu_);
  stopping_ = true;
  queue_.clear();
  cv_.notify_all();
  // A client may still be connecting when first told to stop, so keep telling it until the
  // worker has left run(); each stop() aborts whatever socket is open at that moment.
  while (thread_.joinable() && !exited_) {
    if (in_flight_ != nullptr) in_flight_->stop();
    cv_.wait_for(lock, std::chrono::milliseconds(20));
  }
  lock.unlock();
  if (thread_.joinable()) thread_.join();
}

void Dispatcher::enqueue(std::vector<DeliveryJob> jobs) {
  if (jobs.empty()) return;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    for (auto& j : jobs) queue_.push_back(std::move(j));
  }
  cv_.notify_all();
}

void Dispatcher::set_signer(Signer signer) {
  std::lock_guard lock(mu_);
  signer_ = signer ? std::move(signer) : Signer(standard_webhooks_sign);
}

std::vector<DeliveryAttempt> Dispatcher::attempts() const {
  std::lock_guard lock(mu_);
  return attempts_;
}

bool Dispatcher::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [this] { return stopping_ || (queue_.empty() && !busy_); });
}

void Dispatcher::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) break;
    DeliveryJob job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    deliver(job);
    lock.lock();
    busy_ = false;
    cv_.notify_all();  // wakes flush()
  }
  busy_ = false;
  exited_ = true;
  cv_.notify_all();
}

namespace {

/// What one delivery attempt got: the receiver's status, or 0 and why there was none.
struct Sent {
  int status = 0;
  std::string error;
};

/// POSTs to a receiver off loopback through libcurl, the client of every other request the tool
/// sends, so the proxy variables apply to deliveries too (and the test suite's closed-proxy
/// guard stops one that would leave the machine). Bounded by its timeouts; stop() cannot abort it.
Sent post_remote(const DeliveryJob& job, const httplib::Headers& headers) {
  net::Request r;
  r.method = "POST";
  r.url = job.url;
  r.body = job.body;
  for (const auto& [name, value] : headers) r.headers.set(name, value);
  r.headers.set("Content-Type", "application/json");
  r.connect_timeout = std::chrono::seconds(5);
  r.timeout = std::chrono::seconds(35);  // past the 30 s answer budget, like the local client
  const auto x = net::CurlClient().send(r);
  if (const auto* resp = x.response()) return Sent{resp->status, ""};
  return Sent{0, x.error()->message};
}

}  // namespace

void Dispatcher::deliver(const DeliveryJob& job) {
  static const std::regex k_url(R"((https?://[^/?#]+)(.*))");
  std::smatch m;
  if (!std::regex_match(job.url, m, k_url)) return;
  const std::string origin = m[1].str();
  const std::string path = m[2].str().empty() ? "/" : m[2].str();
  const auto parsed = net::parse_url(job.url);
  const bool remote = !parsed.ok() || !net::is_loopback_host(parsed.url->host);
  constexpr int k_attempts = 3;
  for (int attempt = 1; attempt <= k_attempts; ++attempt) {
    httplib::Client client(origin);
    client.set_connection_timeout(5);
    client.set_read_timeout(35);  // past the 30 s answer budget, so a slow receiver is observed
    client.set_write_timeout(10);
    Signer signer;
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      signer = signer_;
      if (!remote) in_flight_ = &client;
    }
    const auto ts =
        std::chrono::duration_cast<std::chrono::seconds>(clock_.wall_now().time_since_epoch())
            .count();
    httplib::Headers headers{{"User-Agent", "bluum-golive-emulator"}};
    for (const auto& [name, value] : job.extra_headers) headers.emplace(name, value);
    for (auto& [name, value] : signer(job.secret, job.event_id, ts, job.body)) {
      headers.emplace(name, value);
    }
    Sent sent;
    if (remote) {
      sent = post_remote(job, headers);
    } else if (auto res = client.Post(path.c_str(), headers, job.body, "application/json")) {
      sent.status = res->status;
    } else {
      sent.error = httplib::to_string(res.error());
    }
    DeliveryAttempt record{job.webhook_id, job.event_id, job.event_type, job.url,
                           attempt,        sent.status,  sent.error};
    {
      std::lock_guard lock(mu_);
      in_flight_ = nullptr;
      attempts_.push_back(record);
    }
    if (sent.status >= 200 && sent.status < 300) return;
    if (attempt < k_attempts && !pause_(std::chrono::seconds(attempt))) return;
  }
}

}  // namespace golive::emukit
