#pragma once
/// The fault-injecting proxy of `bluum-golive audit` (SPEC §7): an HTTP server on 127.0.0.1
/// (ephemeral port) that forwards every request to the upstream base URL with net::CurlClient,
/// injects the faults a FaultPlanner decides, and records every exchange.
#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "audit/recording.hpp"
#include "audit/schedule.hpp"
#include "engine/provider.hpp"

namespace golive::audit {

struct ProxyConfig {
  std::string upstream_base_url;  ///< e.g. "https://sandbox.api.bluumfinance.com/v1"
  std::chrono::milliseconds upstream_timeout{10000};
  bool insecure = false;  ///< skip TLS verification upstream (loopback upstreams only)
  /// Give a key-less money movement a fresh idempotency key of the proxy's own upstream, so an
  /// upstream that requires keys (the emulator) processes it like one that does not.
  bool add_missing_money_keys = false;
  std::string run_id;  ///< prefix of the request ids the proxy issues
  int threads = 16;    ///< concurrent client connections served
  /// The provider pack: auth strategy, money endpoints, idempotency and request-id headers, the
  /// headers it requires, the token request, the error envelope of injected answers.
  ProviderPack pack;
};

/// Serves from start() to stop(). Thread-safe.
class Proxy {
 public:
  /// `planner` and `recorder` must outlive the proxy. Times in records are relative to `epoch`.
  Proxy(ProxyConfig config, FaultPlanner& planner, Recorder& recorder,
        std::chrono::steady_clock::time_point epoch);
  ~Proxy();
  Proxy(const Proxy&) = delete;
  Proxy& operator=(const Proxy&) = delete;

  /// Binds 127.0.0.1:0 and serves on background threads. Ignores SIGPIPE for the process (a
  /// client that hangs up must not kill the tool). Throws std::runtime_error if it cannot bind.
  void start();
  /// Stops accepting, finishes in-flight exchanges, joins. Idempotent.
  void stop();
  int port() const;
  /// "http://127.0.0.1:PORT" + the upstream base path (e.g. "/v1"): what the client is given.
  std::string base_url() const;
  /// The keys clients authenticated with (Basic user names, Bearer keys, token-request keys,
  /// the keys of relayed tokens): the upstream's tenants. In memory only, never recorded.
  std::set<std::string> api_keys_seen() const;
  std::int64_t exchange_count() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// Closes the accepted connection 127.0.0.1:`local_port` ← `remote_addr`:`remote_port` of this
/// process without an answer: shutdown() both ways with SO_LINGER 0, so the peer sees EOF or a
/// reset. The server's own later write fails (EPIPE) and it closes the descriptor. Linux: the
/// descriptor is found through /proc/self/fd. Returns false when no such connection is open.
bool drop_connection(int local_port, const std::string& remote_addr, int remote_port);

}  // namespace golive::audit
