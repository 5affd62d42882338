#pragma once
/// The emulator's HTTP server: the middleware every API request passes (Bearer key, X-Network,
/// rate limit, faults, idempotency, the error envelope with requestId = x-request-id) and the
/// per-key state it guards.
#include <atomic>
#include <map>
#include <mutex>

#include "emukit/dispatcher.hpp"
#include "emukit/loopback_server.hpp"
#include "emukit/receiver.hpp"
#include "providers/blockchain0x/emulator/internal.hpp"

namespace golive::blockchain0x::emulator::detail {

/// Who a request belongs to after authentication.
struct Identity {
  std::string api_key;  ///< "" for the anonymous tenant (drop-auth-check)
  std::string network;  ///< the key's network: testnet (sk_test_) or mainnet (sk_live_)
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
  size_t payment_count(const std::string& api_key) const;
  std::string register_webhook(const std::string& api_key, const std::string& url,
                               const std::vector<std::string>& events, const std::string& secret);
  emukit::Receiver& receiver() { return receiver_; }
  emukit::Dispatcher& dispatcher() { return dispatcher_; }

 private:
  /// The middleware around one API handler.
  void serve(const httplib::Request& req, httplib::Response& res, const RouteFlags& flags,
             const Handler& handler);
  /// (status, serialized body) from the handler, or the stored idempotent answer. The caller
  /// holds the state lock.
  std::pair<int, std::string> dispatch(const httplib::Request& req, Tenant& tenant,
                                       const RouteFlags& flags, const Handler& handler,
                                       std::vector<DeliveryJob>& outbox);
  /// Bearer key and X-Network (auth.cpp); throws the documented 400/401/403 errors.
  Identity authenticate(const httplib::Request& req) const;
  /// The tenant of `who`, created on first use. The caller holds the state lock.
  Tenant& tenant_of(const Identity& who);
  bool has(const char* fault) const { return options_.faults.count(fault) != 0; }
  std::int64_t unix_now() const;
  void add_fallbacks();

  Options options_;
  Clock& clock_;
  emukit::LoopbackServer http_;
  std::atomic<size_t> requests_{0};

  mutable std::mutex state_mu_;  ///< guards tenants_ and everything inside them
  std::map<std::string, Tenant> tenants_;

  emukit::Receiver receiver_;
  emukit::Dispatcher dispatcher_;
};

}  // namespace golive::blockchain0x::emulator::detail
