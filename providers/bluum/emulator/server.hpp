#pragma once
/// The emulator's HTTP server: the middleware every API request passes (auth, rate limit,
/// faults, idempotency, envelopes, X-Request-Id/Date) and the state it guards.
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "emukit/dispatcher.hpp"
#include "emukit/loopback_server.hpp"
#include "emukit/receiver.hpp"
#include "providers/bluum/emulator/state.hpp"

namespace golive::bluum::emulator::detail {

using emukit::Dispatcher;
using emukit::Receiver;

/// Who a request belongs to after authentication.
struct Identity {
  std::string api_key;     ///< "" for the anonymous tenant (drop-auth-check)
  std::string tenant_key;  ///< api_key + "\n" + SHA-256(secret): one tenant per pair
};

class Server final : public Router {
 public:
  /// Validates `options` (std::invalid_argument) and registers every route.
  explicit Server(Options options);
  ~Server() override;

  void add(Method method, const std::string& pattern, RouteFlags flags, Handler handler) override;
  void start();
  void stop();

  int port() const { return http_.port(); }
  /// "http://HOST:PORT".
  std::string origin() const { return http_.origin(); }
  const Options& options() const { return options_; }
  size_t request_count() const { return requests_.load(); }
  /// Sum of `kind` resources over tenants whose key is `api_key`.
  size_t count(const std::string& api_key, Collection Tenant::*kind) const;
  Receiver& receiver() { return receiver_; }
  Dispatcher& dispatcher() { return dispatcher_; }

 private:
  /// The middleware around one API handler.
  void serve(const httplib::Request& req, httplib::Response& res, const RouteFlags& flags,
             const Handler& handler);
  /// (status, serialized body) from the handler, or the stored idempotent answer.
  /// The caller holds the state lock.
  std::pair<int, std::string> dispatch(const httplib::Request& req, Tenant& tenant,
                                       const RouteFlags& flags, const Handler& handler,
                                       std::vector<DeliveryJob>& outbox);
  Identity authenticate(const httplib::Request& req) const;
  bool has(const char* fault) const { return options_.faults.count(fault) != 0; }
  /// Sleeps up to `d`; false (early) when the server is stopping.
  bool pause(std::chrono::milliseconds d) { return http_.pause(d); }
  void add_fallbacks();

  Options options_;
  Clock& clock_;
  emukit::LoopbackServer http_;
  std::atomic<size_t> requests_{0};

  mutable std::mutex state_mu_;  ///< guards tenants_ and everything inside them
  std::map<std::string, Tenant> tenants_;

  Receiver receiver_;
  Dispatcher dispatcher_;
};

}  // namespace golive::bluum::emulator::detail
