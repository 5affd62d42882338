#pragma once
/// The calls every provider's public Emulator shares — lifecycle, addresses, the reference
/// receiver and outgoing deliveries — written once. A provider's Emulator derives from
/// Facade<detail::Server, Options> and adds its vendor's calls. The server (which holds
/// cpp-httplib) stays out of the public header: the members are defined in
/// emukit/facade_impl.hpp, which only the provider's emulator.cpp includes, instantiating the
/// template there explicitly.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "emukit/types.hpp"

namespace golive::emukit {

template <class Server, class Options>
class Facade {
 public:
  /// Builds the server from `options` (its constructor validates them: std::invalid_argument).
  /// The API is served under `api_path` ("/v1", or "" at the root).
  Facade(Options options, std::string api_path);
  /// Stops the server if running.
  ~Facade();
  Facade(const Facade&) = delete;
  Facade& operator=(const Facade&) = delete;

  /// Binds and serves on a background thread; returns when connections are accepted.
  /// Throws std::runtime_error if the address cannot be bound, std::logic_error if called twice.
  void start();
  /// Stops serving, wakes delayed answers, stops webhook delivery, joins threads. Idempotent.
  void stop();
  /// The options in effect (validated).
  const Options& options() const;
  /// The bound port (0 before start()).
  int port() const;
  /// "http://HOST:PORT" + the API path.
  std::string base_url() const;
  /// "http://HOST:PORT/receiver/webhooks", the reference webhook receiver.
  std::string receiver_url() const;
  /// Installs the receiver's signature check; an empty function means accept everything.
  void set_receiver_verifier(Verifier verifier);
  /// Replaces the signer used for outgoing webhook deliveries.
  void set_webhook_signer(Signer signer);
  /// API requests received (every API and unknown-route request, the receiver excluded).
  std::size_t request_count() const;
  /// Everything the reference receiver answered, in arrival order.
  std::vector<ReceivedDelivery> received_deliveries() const;
  /// Every outgoing delivery attempt so far, in order.
  std::vector<DeliveryAttempt> delivery_attempts() const;
  /// Waits until no outgoing delivery is queued or in flight; false on timeout.
  bool flush_deliveries(std::chrono::milliseconds timeout);

 protected:
  /// The provider's server, for the calls only its Emulator has.
  Server& server() { return *server_; }
  const Server& server() const { return *server_; }

 private:
  std::unique_ptr<Server> server_;
  std::string api_path_;
};

}  // namespace golive::emukit
