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
#include "emukit/facade.hpp"
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

namespace detail {
class Server;
}

/// The emulator server. Thread-safe; start() once, stop() (or destroy) once. Lifecycle,
/// addresses ("http://HOST:PORT/v1"), the reference receiver and deliveries: emukit::Facade.
class Emulator : public emukit::Facade<detail::Server, Options> {
 public:
  /// Throws std::invalid_argument on an unknown fault or a non-positive rate limit.
  explicit Emulator(Options options);

  /// Deposits created by every tenant whose API key is `api_key` (replays don't count).
  size_t deposit_count(const std::string& api_key) const;
  /// Withdrawals created by every tenant whose API key is `api_key`.
  size_t withdrawal_count(const std::string& api_key) const;
};

}  // namespace golive::bluum::emulator
