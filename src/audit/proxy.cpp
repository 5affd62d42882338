#include "audit/proxy.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "audit/proxy_auth.hpp"
#include "audit/proxy_jobs.hpp"
#include "audit/proxy_support.hpp"
#include "crypto/digest.hpp"
#include "net/curl_client.hpp"
#include "net/request_target.hpp"
#include "net/url.hpp"

namespace golive::audit {

namespace {

using Clock = std::chrono::steady_clock;

/// httplib listens with a backlog of 5; Linux lets listen() be called again to widen it, so a
/// burst of concurrent client connects does not wait out SYN retransmits.
class ProxyServer : public httplib::Server {
 public:
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

double ms_since(Clock::time_point epoch, Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(t - epoch).count();
}

}  // namespace

class Proxy::Impl {
 public:
  Impl(ProxyConfig c, FaultPlanner& p, Recorder& r, Clock::time_point e)
      : config(std::move(c)), planner(p), recorder(r), epoch(e) {
    auto parsed = net::parse_url(config.upstream_base_url);
    if (!parsed.ok()) throw std::runtime_error("upstream base URL: " + parsed.error);
    base_path = parsed.url->path == "/" ? "" : parsed.url->path;
    while (!base_path.empty() && base_path.back() == '/') base_path.pop_back();
    upstream.base_url = config.upstream_base_url;
    upstream.timeout = config.upstream_timeout;
    upstream.insecure = config.insecure;
    upstream.add_missing_money_keys = config.add_missing_money_keys;
    upstream.run_id = config.run_id;
    upstream.pack = &config.pack;
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    const auto t0 = Clock::now();
    ExchangeRecord e;
    e.seq = ++seq;
    e.conn = conn_id(req.remote_addr, req.remote_port);
    e.t_start_ms = ms_since(epoch, t0);
    e.method = req.method;
    e.path = req.path;
    const auto q = req.target.find('?');
    e.query = q == std::string::npos ? "" : req.target.substr(q + 1);
    const ProviderPack& pack = config.pack;
    const std::string rel = relative_path(req.path);
    if (const MoneyEndpoint* m = pack.money_endpoint(e.method, rel)) e.money_kind = m->kind;
    if (pack.idempotency) e.idempotency_key = req.get_header_value(pack.idempotency->header);
    if (pack.jobs) note_refresh(*pack.jobs, rel, e);
    e.body_sha256 = req.body.empty() ? "" : crypto::sha256_hex(req.body).substr(0, 16);
    const IssuedIds ids = issue_ids(e.seq);
    // Every credential the client sends is registered before anything about the request is
    // written, whether it is forwarded or answered with a fault.
    e.token_request = is_token_request(pack, e.method, rel);
    const ClientAuth auth = client_auth(req, pack, e.token_request, tokens);
    e.auth = auth.recorded;
    e.key_mode = auth.key_mode;
    if (!auth.tenant_key.empty()) remember_key(auth.tenant_key);
    record_headers(req, e);
    const net::TargetUrl where = net::url_for_target(upstream.base_url, req.target);
    if (!where.ok()) {
      // Never forwarded, never counted by the schedule: the client gets a 400 saying why.
      e.path = req.target.substr(0, q);
      answer_refused(pack, res, where.error, ids.request_id, e);
      finish(e);
      return;
    }
    const RequestInfo info{e.method,          e.path,        e.query,
                           e.idempotency_key, e.body_sha256, e.money_kind};
    const Decision d = planner.decide(info, e.seq, t0, std::chrono::system_clock::now());
    if (d.step) e.fault = d.step->name();
    std::optional<Clock::time_point> dropped_at;

    if (d.step && d.step->status != 0) {
      answer_injected(pack, res, d.step->status, d, ids, e);
    } else {
      forward(upstream, where.url, auth, req, res, ids.request_id, e);
      if (d.step && e.upstream_status != 0) {
        // The upstream acted; the client must not learn how. The planner learns first that
        // this attempt failed, so an immediate retry is seen as one, and the attempt ends when
        // the connection is cut (a retry cannot start before). See drop_connection().
        dropped_at = Clock::now();
        planner.settle(info, e.seq, true, *dropped_at);
        if (drop_connection(port, req.remote_addr, req.remote_port)) {
          e.dropped = true;
          e.client_status = 0;
        } else {
          dropped_at.reset();
          e.error = "could not drop the connection; answered a server error instead";
          answer_injected(pack, res, server_error_status(), Decision{}, ids, e);
        }
      }
    }
    if (e.token_request) read_token_answer(res, auth, e);
    if (pack.jobs && !d.step) read_job_answer(*pack.jobs, rel, res.body, e);
    const auto t1 = dropped_at.value_or(Clock::now());
    planner.settle(info, e.seq, e.dropped || e.client_status >= 400 || e.client_status == 0, t1);
    finish(e, t1);
  }

  void finish(ExchangeRecord& e, Clock::time_point t1 = Clock::now()) {
    e.t_end_ms = ms_since(epoch, t1);
    recorder.exchange(e);
  }

  std::int64_t conn_id(const std::string& addr, int remote_port) {
    std::lock_guard lock(mu);
    auto [it, added] = conns.try_emplace(addr + ":" + std::to_string(remote_port), 0);
    if (added) it->second = static_cast<std::int64_t>(conns.size());
    return it->second;
  }

  /// `path` without the upstream base path: what the pack's endpoints are relative to.
  std::string relative_path(const std::string& path) const {
    if (base_path.empty() || path.rfind(base_path, 0) != 0) return path;
    const std::string rest = path.substr(base_path.size());
    if (rest.empty()) return "/";
    return rest.front() == '/' ? rest : path;
  }

  IssuedIds issue_ids(std::int64_t n) const {
    // The trace id is unrelated to the request id, so logging one never shows the other, and no
    // trace id is a substring of another.
    const std::string tag = run_suffix() + "_" + std::to_string(n);
    return {
        "req_audit_" + tag,
        "trace_" +
            crypto::sha256_hex("trace " + config.run_id + " " + std::to_string(n)).substr(0, 20)};
  }

  /// The headers the pack requires (and a token request's), as the client sent them.
  void record_headers(const httplib::Request& req, ExchangeRecord& e) const {
    auto keep = [&](const std::string& name) {
      if (req.has_header(name)) e.headers[name] = req.get_header_value(name);
    };
    for (const auto& rule : config.pack.headers) keep(rule.name);
    if (e.token_request) {
      for (const auto& [name, _] : config.pack.auth.token.headers) keep(name);
      e.token_scope = req.get_param_value("scope");
    }
  }

  /// A token answer the proxy relays: its token is registered as a secret and remembered for
  /// the key it was issued to; only its lifetime is recorded.
  void read_token_answer(const httplib::Response& res, const ClientAuth& auth, ExchangeRecord& e) {
    if (e.upstream_status / 100 != 2 || (!e.dropped && e.client_status / 100 != 2)) return;
    const auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (!body.is_object()) return;
    const auto& spec = config.pack.auth.token;
    auto token = body.find(spec.token_field);
    if (token == body.end() || !token->is_string() || token->get<std::string>().empty()) return;
    tokens.add(token->get<std::string>(), auth.tenant_key);
    e.token_issued = !e.dropped;  // a dropped answer never reached the client
    if (auto exp = body.find(spec.expires_field); exp != body.end() && exp->is_number_integer()) {
      e.token_expires_s = exp->get<std::int64_t>();
    }
  }

  /// The status of a server error the pack documents (for a drop that could not be made).
  int server_error_status() const {
    for (const auto& [status, _] : config.pack.errors.injected) {
      if (status >= 500) return status;
    }
    return 502;
  }

  void remember_key(const std::string& key) {
    std::lock_guard lock(mu);
    keys.insert(key);
  }

  std::string run_suffix() const {
    const auto dash = config.run_id.rfind('-');
    return dash == std::string::npos ? config.run_id : config.run_id.substr(dash + 1);
  }

  ProxyConfig config;
  FaultPlanner& planner;
  Recorder& recorder;
  Clock::time_point epoch;
  Upstream upstream;
  std::string base_path;
  ProxyServer server;
  std::thread thread;
  int port = 0;
  std::atomic<std::int64_t> seq{0};
  mutable std::mutex mu;
  std::set<std::string> keys;
  std::map<std::string, std::int64_t> conns;
  TokenLedger tokens;
};

Proxy::Proxy(ProxyConfig config, FaultPlanner& planner, Recorder& recorder, Clock::time_point epoch)
    : impl_(std::make_unique<Impl>(std::move(config), planner, recorder, epoch)) {}

Proxy::~Proxy() {
  stop();
}

void Proxy::start() {
  std::signal(SIGPIPE, SIG_IGN);
  Impl& m = *impl_;
  const int threads = std::max(2, m.config.threads);
  m.server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  m.server.set_keep_alive_timeout(2);
  // httplib writes headers and body separately: without TCP_NODELAY, Nagle and the client's
  // delayed ACK add ~40 ms to every answer.
  m.server.set_tcp_nodelay(true);
  m.server.set_payload_max_length(16 * 1024 * 1024);
  auto handler = [&m](const httplib::Request& req, httplib::Response& res) { m.handle(req, res); };
  m.server.Get(".*", handler);
  m.server.Post(".*", handler);
  m.server.Put(".*", handler);
  m.server.Patch(".*", handler);
  m.server.Delete(".*", handler);
  m.server.Options(".*", handler);
  m.port = m.server.bind_to_any_port("127.0.0.1");
  if (m.port <= 0) throw std::runtime_error("audit proxy: cannot listen on 127.0.0.1");
  m.server.widen_backlog();
  m.thread = std::thread([&m] { m.server.listen_after_bind(); });
  const auto give_up = Clock::now() + std::chrono::seconds(5);
  while (!m.server.is_running()) {
    if (Clock::now() > give_up) throw std::runtime_error("audit proxy did not start within 5 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void Proxy::stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  impl_->server.stop();
  impl_->thread.join();
}

int Proxy::port() const {
  return impl_->port;
}

std::string Proxy::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + impl_->base_path;
}

std::set<std::string> Proxy::api_keys_seen() const {
  std::lock_guard lock(impl_->mu);
  return impl_->keys;
}

std::int64_t Proxy::exchange_count() const {
  return impl_->seq.load();
}

bool drop_connection(int local_port, const std::string& remote_addr, int remote_port) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr) return false;
  bool found = false;
  while (const dirent* ent = ::readdir(dir)) {
    char* end = nullptr;
    const long fd_long = std::strtol(ent->d_name, &end, 10);
    if (end == ent->d_name || *end != '\0' || fd_long < 0) continue;
    const int fd = static_cast<int>(fd_long);
    sockaddr_in local{}, peer{};
    socklen_t len = sizeof local;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0 ||
        local.sin_family != AF_INET || ntohs(local.sin_port) != local_port) {
      continue;
    }
    len = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0 ||
        ntohs(peer.sin_port) != remote_port) {
      continue;
    }
    char text[INET_ADDRSTRLEN] = {};
    if (::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text) == nullptr || remote_addr != text)
      continue;
    const linger abort_on_close{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    ::shutdown(fd, SHUT_RDWR);
    found = true;
    break;
  }
  ::closedir(dir);
  return found;
}

}  // namespace golive::audit
