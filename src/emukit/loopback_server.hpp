#pragma once
/// The HTTP server under every emulator: cpp-httplib bound to loopback (ephemeral port by
/// default), served on a background thread, with an interruptible pause for slow-answer faults.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace golive::emukit {

class LoopbackServer {
 public:
  /// `threads` workers (keep-alive connections hold one each); bodies above `max_body` get 413.
  explicit LoopbackServer(int threads = 32, size_t max_body = 10 * 1024 * 1024);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  /// Where routes are registered (before start()).
  httplib::Server& http() { return http_; }
  /// Registers `handler` for `method` ("GET", "POST", "PUT", "PATCH" or "DELETE"; anything else
  /// throws std::invalid_argument) and the full-match regex `pattern`.
  void route(std::string_view method, const std::string& pattern, httplib::Server::Handler handler);
  /// Registers `handler` for every path under each of those methods. httplib tries patterns in
  /// order, so registered last it catches only unknown routes.
  void catch_all(const httplib::Server::Handler& handler);
  /// Binds `host`:`port` (0 = ephemeral) and serves; returns once connections are accepted.
  /// Throws std::runtime_error if it cannot bind, std::logic_error if called twice.
  void start(const std::string& host, int port);
  /// Wakes every pause, stops serving, joins. Idempotent.
  void stop();
  /// Sleeps up to `d`; false (early) when the server is stopping.
  bool pause(std::chrono::milliseconds d);
  /// The bound port (0 before start()).
  int port() const { return port_; }
  /// "http://HOST:PORT" (IPv6 literals bracketed).
  std::string origin() const;

 private:
  /// httplib listens with a backlog of 5, so a burst of concurrent connects waited out 1 s SYN
  /// retransmits; Linux lets listen() be called again on a bound socket to resize it.
  class Http : public httplib::Server {
   public:
    void widen_backlog(int backlog);
  };

  Http http_;
  std::thread thread_;
  std::string host_;
  int port_ = 0;
  bool started_ = false;
  std::mutex pause_mu_;
  std::condition_variable pause_cv_;
  bool stopping_ = false;
};

}  // namespace golive::emukit
