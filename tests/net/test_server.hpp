#pragma once
/// In-process servers on 127.0.0.1 for integration tests: an httplib server on a free port, a
/// listener that never answers, and a port nobody listens on. No test ever leaves loopback.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

namespace golive::testing {

/// An httplib server (plain or SSL) listening on 127.0.0.1 on a free port, serving from its own
/// thread. Install handlers through server() before or after start(); the destructor stops the
/// server and joins the thread.
template <class ServerT = httplib::Server>
class TestServer {
 public:
  template <class... Args>
  explicit TestServer(Args&&... args) : server_(std::forward<Args>(args)...) {
    // Short keep-alive so stop() does not wait long on clients that keep connections open.
    server_.set_keep_alive_timeout(1);
  }
  ~TestServer() { stop(); }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  ServerT& server() { return server_; }

  /// Binds a free port and serves until stop(); returns once the server accepts connections.
  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("test server: cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_.is_running()) {
      if (std::chrono::steady_clock::now() > give_up) throw std::runtime_error("server not up");
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  void stop() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }

  int port() const { return port_; }
  /// "http://127.0.0.1:PORT" + path (https for an SSL server).
  std::string url(const std::string& path = "/") const {
    constexpr bool tls = !std::is_same_v<ServerT, httplib::Server>;
    return std::string(tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  ServerT server_;
  std::thread thread_;
  int port_ = 0;
};

/// A TCP socket bound to 127.0.0.1 on a free port; `listen` decides whether connections complete.
class RawSocket {
 public:
  /// With `listen` true the kernel completes handshakes but nobody ever reads or answers: a server
  /// that never replies. With false the port is bound and closed again: connections are refused.
  explicit RawSocket(bool listen) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    if (fd_ < 0 || ::bind(fd_, sa, len) != 0 || ::getsockname(fd_, sa, &len) != 0 ||
        (listen && ::listen(fd_, 16) != 0)) {
      throw std::runtime_error("raw socket setup failed");
    }
    port_ = ntohs(addr.sin_port);
    if (!listen) close();
  }
  ~RawSocket() { close(); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  /// For a listening socket: accepts one connection (waiting at most `wait`), reads its request
  /// head up to the blank line, writes `reply` and closes it. Returns the head, "" on timeout.
  std::string answer_one(const std::string& reply,
                         std::chrono::milliseconds wait = std::chrono::seconds(5)) {
    timeval tv{static_cast<time_t>(wait.count() / 1000),
               static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return "";
    ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string head;
    char buf[1024];
    while (head.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
    }
    (void)::send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
    ::close(c);
    return head;
  }

 private:
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace golive::testing
