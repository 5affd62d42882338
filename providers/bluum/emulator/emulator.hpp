#pragma once
/// The local Bluum sandbox emulator (SPEC §8): the newer "investors" API surface on loopback,
/// with switchable defects (faults) and a reference webhook receiver on the same server.
/// Facts and the choices made where the vendor docs are silent: src/emulator/README.md.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "emukit/types.hpp"

namespace golive::bluum::emulator {

using emukit::DeliveryAttempt;
using emukit::HeaderList;
using emukit::ReceivedDelivery;
using emukit::ReceiverVerdict;
using emukit::Signer;
using emukit::Verifier;

/// How the emulator is configured. Copied into the Emulator at construction.
struct Options {
  std::string host = "127.0.0.1";
  int port = 0;                  ///< 0 = ephemeral
  std::set<std::string> faults;  ///< validated against known_faults()
  /// Restrict auth to one pair; unset = any non-empty pair is accepted and is its own tenant.
  std::optional<std::pair<std::string, std::string>> credentials;
  int rate_limit_per_s = 10;  ///< per key pair; rate-limit-tight makes it 2
  std::chrono::milliseconds slow_delay{1500};
  /// receiver-slow delay; 0 means 31 s (just over the 30 s answer budget of SPEC §6).
  std::chrono::milliseconds receiver_delay{0};
  int burst_5xx = 3;  ///< 5xx-burst: the first N requests per tenant answer 503
  /// Time source for `created`, `Date`, rate limiting and idempotency expiry; null = system.
  /// Not owned; must outlive the Emulator. Delays (slow, receiver-slow) always use real time.
  Clock* clock = nullptr;
  /// Send signed events to registered webhook URLs (off: events are only recorded).
  bool deliver_webhooks = true;
};

/// Every fault the emulator knows, as (name, one-line description), sorted by name.
const std::vector<std::pair<std::string, std::string>>& known_faults();

/// The emulator server. Thread-safe; start() once, stop() (or destroy) once.
class Emulator {
 public:
  /// Throws std::invalid_argument on an unknown fault or a non-positive rate limit.
  explicit Emulator(Options options);
  /// Stops the server if running.
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Binds and serves on a background thread; returns when connections are accepted.
  /// Throws std::runtime_error if the address cannot be bound, std::logic_error if called twice.
  void start();
  /// Stops serving, wakes delayed answers, stops webhook delivery, joins threads. Idempotent.
  void stop();
  /// The options in effect (validated).
  const Options& options() const;
  /// The bound port (0 before start()).
  int port() const;
  /// "http://HOST:PORT/v1".
  std::string base_url() const;
  /// "http://HOST:PORT/receiver/webhooks", the reference webhook receiver.
  std::string receiver_url() const;
  /// Installs the receiver's signature check; an empty function means accept everything.
  void set_receiver_verifier(Verifier verifier);
  /// Replaces the signer used for outgoing webhook deliveries.
  void set_webhook_signer(Signer signer);

  /// API requests received (every /v1 and unknown-route request, receiver excluded).
  size_t request_count() const;
  /// Deposits created by every tenant whose API key is `api_key` (replays don't count).
  size_t deposit_count(const std::string& api_key) const;
  /// Withdrawals created by every tenant whose API key is `api_key`.
  size_t withdrawal_count(const std::string& api_key) const;
  /// Everything the reference receiver answered, in arrival order.
  std::vector<ReceivedDelivery> received_deliveries() const;
  /// Every outgoing delivery attempt so far, in order.
  std::vector<DeliveryAttempt> delivery_attempts() const;
  /// Waits until no outgoing delivery is queued or in flight; false on timeout.
  bool flush_deliveries(std::chrono::milliseconds timeout);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace golive::bluum::emulator
