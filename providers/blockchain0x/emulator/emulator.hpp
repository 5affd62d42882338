#pragma once
/// The local Blockchain0x emulator (SPEC §8, §11): the v1 payments surface on loopback with
/// Bearer keys by prefix, X-Network rules, the error envelope, cursor pagination, idempotent
/// payments, signed webhook deliveries, a reference receiver and switchable defects (faults).
/// Routes, codes and choices where the vendor docs are silent: README.md beside this file.
#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "emukit/facade.hpp"
#include "emukit/types.hpp"

namespace golive::blockchain0x::emulator {

using emukit::DeliveryAttempt;
using emukit::ReceivedDelivery;
using emukit::Signer;
using emukit::Verifier;

/// How the emulator is configured. Copied into the Emulator at construction.
struct Options {
  std::string host = "127.0.0.1";
  int port = 0;                  ///< 0 = ephemeral
  std::set<std::string> faults;  ///< validated against known_faults()
  /// Accept only this key; unset: any sk_test_…/sk_live_… key is accepted and is its own tenant.
  std::optional<std::string> api_key;
  int rate_limit_per_s = 25;  ///< per key (not published by the vendor); rate-limit-tight: 2
  std::chrono::milliseconds slow_delay{1500};
  /// receiver-slow delay; 0 means 31 s (just over the 30 s answer budget of SPEC §6).
  std::chrono::milliseconds receiver_delay{0};
  int burst_5xx = 3;  ///< 5xx-burst: the first N requests per key answer 503
  /// Time source for createdAt, Date, rate limiting and idempotency expiry; null = system.
  /// Not owned; must outlive the Emulator. Delays always use real time.
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
  /// Throws std::invalid_argument on an unknown fault or an out-of-range option.
  explicit Emulator(Options options);

  /// The dashboard (webhook CRUD is dashboard-only under API keys, seed-apis §2.6): registers
  /// `url` for `events` ("*", "payment.*" or exact names) in the tenant of `api_key`, with
  /// `secret` as its signing secret. Returns the endpoint id ("wh_…").
  std::string register_webhook(const std::string& api_key, const std::string& url,
                               const std::vector<std::string>& events, const std::string& secret);
  /// Payments created by the tenant of `api_key` (replays do not count).
  size_t payment_count(const std::string& api_key) const;
};

}  // namespace golive::blockchain0x::emulator
