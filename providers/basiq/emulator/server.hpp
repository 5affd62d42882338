#pragma once
/// The emulator's HTTP server: the token endpoint, the middleware every resource request passes
/// (Bearer token, scope, faults, envelope, Date) and the state it guards.
#include <atomic>
#include <map>
#include <mutex>

#include "emukit/dispatcher.hpp"
#include "emukit/loopback_server.hpp"
#include "emukit/receiver.hpp"
#include "emukit/token_bucket.hpp"
#include "providers/basiq/emulator/internal.hpp"

namespace golive::basiq::emulator::detail {

class Server final : public Router {
 public:
  /// Validates `options` (std::invalid_argument) and registers every route.
  explicit Server(Options options);
  ~Server() override;

  void add(const char* method, const std::string& pattern, RouteFlags flags,
           Handler handler) override;
  void start();
  void stop();

  int port() const { return http_.port(); }
  std::string origin() const { return http_.origin(); }
  const Options& options() const { return options_; }
  size_t request_count() const { return requests_.load(); }
  size_t token_requests() const { return token_requests_.load(); }
  std::vector<std::string> issued_tokens() const;
  size_t created(const std::string& api_key, const std::string& kind) const;
  void prepare(const PartnerSetup& setup);
  emukit::Receiver& receiver() { return receiver_; }
  emukit::Dispatcher& dispatcher() { return dispatcher_; }

 private:
  /// POST /token (token.cpp): the documented failures in their order, then a grant.
  void token(const httplib::Request& req, httplib::Response& res);
  /// The middleware around one resource handler.
  void serve(const httplib::Request& req, httplib::Response& res, const RouteFlags& flags,
             const Handler& handler);
  /// The grant of the request's Bearer token; throws the documented 401/403. The caller holds
  /// the state lock.
  const Grant& authenticate(const httplib::Request& req, const RouteFlags& flags);
  bool has(const char* fault) const { return options_.faults.count(fault) != 0; }
  /// Writes `e` in Basiq's envelope (as bare text under the no-envelope fault).
  void reply_error(httplib::Response& res, const ApiError& e) const;
  void add_fallbacks();

  Options options_;
  Clock& clock_;
  emukit::LoopbackServer http_;
  std::atomic<size_t> requests_{0};
  std::atomic<size_t> token_requests_{0};

  mutable std::mutex state_mu_;  ///< guards everything below
  std::map<std::string, Tenant> tenants_;
  std::map<std::string, Grant> grants_;                        ///< access token → grant
  std::map<std::string, emukit::WindowCounter> token_window_;  ///< client IP → window
  std::vector<std::string> issued_;
  Grant anonymous_;  ///< drop-auth-check: requests without a token

  emukit::Receiver receiver_;
  emukit::Dispatcher dispatcher_;
};

}  // namespace golive::basiq::emulator::detail
