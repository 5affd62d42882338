#include "emukit/loopback_server.hpp"

#include <stdexcept>

namespace golive::emukit {

namespace {
constexpr std::chrono::seconds k_ready_timeout{5};
}  // namespace

void LoopbackServer::Http::widen_backlog(int backlog) {
  ::listen(svr_sock_, backlog);
}

LoopbackServer::LoopbackServer(int threads, size_t max_body) {
  http_.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  http_.set_keep_alive_timeout(2);
  http_.set_tcp_nodelay(true);  // headers and body go out in separate writes: avoid Nagle delays
  http_.set_payload_max_length(max_body);
  // httplib's default adds SO_REUSEPORT, which lets a second server silently share a busy
  // --port; SO_REUSEADDR alone still allows a quick restart but reports "address in use".
  http_.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
}

LoopbackServer::~LoopbackServer() {
  stop();
}

void LoopbackServer::start(const std::string& host, int port) {
  if (started_) throw std::logic_error("emulator start() called twice");
  started_ = true;
  host_ = host;
  if (port == 0) {
    port_ = http_.bind_to_any_port(host);
  } else if (http_.bind_to_port(host, port)) {
    port_ = port;
  }
  if (port_ <= 0) {
    port_ = 0;
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                             " (address in use or not local)");
  }
  http_.widen_backlog(SOMAXCONN);
  thread_ = std::thread([this] { http_.listen_after_bind(); });
  // httplib's stop() is a no-op until the accept loop runs, so wait for it.
  const auto deadline = std::chrono::steady_clock::now() + k_ready_timeout;
  while (!http_.is_running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("emulator did not start serving within 5 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void LoopbackServer::stop() {
  {
    std::lock_guard lock(pause_mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  pause_cv_.notify_all();
  if (thread_.joinable()) {
    http_.stop();
    thread_.join();
  }
}

bool LoopbackServer::pause(std::chrono::milliseconds d) {
  std::unique_lock lock(pause_mu_);
  return !pause_cv_.wait_for(lock, d, [this] { return stopping_; });
}

void LoopbackServer::route(std::string_view method, const std::string& pattern,
                           httplib::Server::Handler handler) {
  if (method == "GET") {
    http_.Get(pattern, std::move(handler));
  } else if (method == "POST") {
    http_.Post(pattern, std::move(handler));
  } else if (method == "PUT") {
    http_.Put(pattern, std::move(handler));
  } else if (method == "PATCH") {
    http_.Patch(pattern, std::move(handler));
  } else if (method == "DELETE") {
    http_.Delete(pattern, std::move(handler));
  } else {
    throw std::invalid_argument("unsupported method: " + std::string(method));
  }
}

void LoopbackServer::catch_all(const httplib::Server::Handler& handler) {
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) route(method, ".*", handler);
}

std::string LoopbackServer::origin() const {
  const bool v6 = host_.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

}  // namespace golive::emukit
