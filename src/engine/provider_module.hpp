#pragma once
/// A provider module (SPEC §11): what a vendor adds besides its pack data — its own checks and
/// its emulator. Modules are listed once, sorted, in providers/registry.cpp; the engine, the
/// reports and the CLI reach a vendor only through this interface and the pack.
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "emukit/types.hpp"

namespace golive {

class Registry;
struct Target;

/// How to start a provider's emulator (`base_url: embedded`, `bluum-golive emulate`).
struct EmulatorSettings {
  std::string host = "127.0.0.1";
  int port = 0;                  ///< 0 = ephemeral
  std::set<std::string> faults;  ///< validated against the module's fault list
  /// Restrict auth to these credentials, written as the vendor's emulator documents it (Bluum:
  /// "KEY:SECRET"); empty: any well-formed credentials are accepted and are their own tenant.
  std::string credentials;
  int rate_limit_per_s = 0;  ///< 0: the pack's published limit for sandbox
};

/// A running emulator, as the engine and CLI see it.
class EmbeddedEmulator {
 public:
  virtual ~EmbeddedEmulator() = default;
  /// The base URL profiles use, e.g. "http://127.0.0.1:PORT/v1".
  virtual std::string base_url() const = 0;
  /// The built-in reference webhook receiver's URL.
  virtual std::string receiver_url() const = 0;
  /// Signature check of the reference receiver (empty: accept everything).
  virtual void set_receiver_verifier(emukit::Verifier verifier) = 0;
  /// Signer of the emulator's outgoing webhook deliveries.
  virtual void set_webhook_signer(emukit::Signer signer) = 0;
  /// Sets the target's tenant up like a partner whose setup is done (the demo): e.g. registers
  /// `target.webhook_url` for the events the pack requires. Best effort.
  virtual void prepare_tenant(const Target& target) = 0;
  /// API requests served so far.
  virtual size_t request_count() const = 0;
  /// Money movements of `kind` (a pack money kind: deposit, withdrawal, payment, ...) created
  /// so far by tenants whose key is `key` (replays do not count).
  virtual size_t money_created(const std::string& key, const std::string& kind) const = 0;
  /// Stops serving; idempotent.
  virtual void stop() = 0;
};

/// What `bluum-golive reference-client` hands a module's reference client. The base URL and
/// credentials come from the pack's environment variables (`env_vars`), as for any command
/// `audit` runs.
struct ReferenceClientOptions {
  std::string log_path;  ///< its log file (appended); every request id and trace id it received
  /// Seed of the backoff jitter, for a reproducible demo; absent: seeded from the OS.
  std::optional<unsigned> seed;
  std::ostream* out = nullptr;  ///< progress lines (the command output `audit` echoes)
};

/// One vendor's code. Every member is required but `reference_client`.
struct ProviderModule {
  std::string name;  ///< the pack folder, e.g. "bluum"
  /// Adds the vendor's own checks (its implementations of shared ids included).
  void (*register_checks)(Registry& registry) = nullptr;
  /// The emulator's faults as (name, one-line description), sorted.
  const std::vector<std::pair<std::string, std::string>>& (*faults)() = nullptr;
  /// Starts the emulator; throws std::invalid_argument for an unknown fault or malformed
  /// credentials and std::runtime_error when it cannot listen.
  std::unique_ptr<EmbeddedEmulator> (*start_emulator)(const EmulatorSettings& settings) = nullptr;
  /// The vendor's reference API client, a correct integration that a profile's `audit:` section
  /// runs under `audit` against the emulator (SPEC §7); returns its exit code. nullptr: none.
  int (*reference_client)(const ReferenceClientOptions& options) = nullptr;
};

/// Every provider module, sorted by name (providers/registry.cpp).
const std::vector<ProviderModule>& provider_modules();

/// The module named `name`, or nullptr.
const ProviderModule* find_module(const std::string& name);

/// `bluum-golive emulate`: starts `module`'s emulator, prints its base URL, receiver URL and
/// faults to `log` (never credentials), serves until SIGINT/SIGTERM and returns 0; returns 2
/// (after printing why) when it cannot listen. Throws std::invalid_argument for an unknown
/// fault or malformed credentials.
int serve_foreground(const ProviderModule& module, const std::string& display_name,
                     const EmulatorSettings& settings, std::ostream& log);

}  // namespace golive
