#pragma once
/// The local Basiq emulator (SPEC §8, §11): the token exchange with its documented failures and
/// the 1,500 per 5 minutes limit, Bearer-only resources (users, connections, jobs whose steps
/// advance and fail for the three always-failing sandbox users, connectors with statuses,
/// webhooks with signed deliveries), Basiq's error envelope, switchable faults and a reference
/// webhook receiver on the same server. Routes, faults and the choices made where the vendor's
/// docs are silent: providers/basiq/emulator/README.md.
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

namespace golive::basiq::emulator {

using emukit::DeliveryAttempt;
using emukit::ReceivedDelivery;
using emukit::Signer;
using emukit::Verifier;

/// How the emulator is configured. Copied into the Emulator at construction.
struct Options {
  std::string host = "127.0.0.1";
  int port = 0;                  ///< 0 = ephemeral
  std::set<std::string> faults;  ///< validated against known_faults()
  /// Accept only this API key on POST /token (others answer 404); unset = every well-formed key
  /// is accepted and is its own application (tenant).
  std::optional<std::string> api_key;
  int token_limit = 1500;                      ///< token requests per client IP per window
  std::chrono::seconds token_window{300};      ///< 5 minutes
  int token_lifetime_s = 3600;                 ///< expires_in of a token
  std::chrono::milliseconds slow_delay{1500};  ///< `slow`: every response waits this long
  /// receiver-slow delay; 0 means 31 s (just over the 30 s answer budget of SPEC §6).
  std::chrono::milliseconds receiver_delay{0};
  /// Time source for token expiry, the token window and `Date`; null = system. Not owned.
  Clock* clock = nullptr;
  /// Send signed events to registered webhook URLs (off: events are only recorded).
  bool deliver_webhooks = true;
};

/// Every fault the emulator knows, as (name, one-line description), sorted by name.
const std::vector<std::pair<std::string, std::string>>& known_faults();

/// What a partner whose setup is done owns (the demo): a user with a connection to the sandbox
/// bank whose job succeeded, and the run's webhook URL registered.
struct PartnerSetup {
  std::string api_key;      ///< the application (tenant) to set up
  std::string user_id;      ///< created with this id when not empty
  std::string webhook_url;  ///< registered (status active) when not empty
};

namespace detail {
class Server;
}

/// The emulator server. Thread-safe; start() once, stop() (or destroy) once. Lifecycle,
/// addresses ("http://HOST:PORT": Basiq has no path prefix), the reference receiver and
/// deliveries: emukit::Facade; request_count() includes token requests.
class Emulator : public emukit::Facade<detail::Server, Options> {
 public:
  /// Throws std::invalid_argument on an unknown fault or an out-of-range option.
  explicit Emulator(Options options);

  /// Sets a tenant up like a partner whose setup is done (no HTTP, no token request).
  void prepare(const PartnerSetup& setup);
  /// POST /token requests received, answered or refused.
  size_t token_requests() const;
  /// Every access token issued so far (tests search output for them).
  std::vector<std::string> issued_tokens() const;
  /// Resources of `kind` (user, connection, job) created through the API by the application
  /// whose key is `api_key` (what prepare() seeds does not count).
  size_t created(const std::string& api_key, const std::string& kind) const;
};

}  // namespace golive::basiq::emulator
