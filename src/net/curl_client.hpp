#pragma once
/// The libcurl implementation of HttpClient: the only code in the tool that opens connections.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "net/http.hpp"

namespace golive::net {

/// Construction-time settings of a CurlClient.
struct CurlOptions {
  /// `-v` sink: one line per exchange, e.g. "GET https://host/v1/assets -> 200 (12 ms)
  /// x-request-id=abc". Lines are already passed through golive::redact() and never contain
  /// request headers. Called on the sending thread, so it must be thread-safe when the client is
  /// shared. Empty = no tracing.
  std::function<void(std::string_view line)> trace;
  /// PEM bundle of trusted CAs used instead of the system store (e.g. a local emulator's CA).
  std::string ca_file;
  /// User-Agent header; empty = "bluum-golive/<version>".
  std::string user_agent;
  /// Idle easy handles kept for reuse. Each handle keeps its own connection cache, so this bounds
  /// how many keep-alive connections survive between calls.
  size_t max_idle_handles = 8;
};

/// HttpClient over libcurl. Thread-safe: concurrent send() calls each borrow their own easy handle
/// from a small pool; returning it keeps the connection alive for the next call (reuse).
///
/// Per request: connect and total timeouts from Request; TLS 1.2+ with peer and host verification
/// unless `insecure` (honoured for loopback hosts only, otherwise a `policy` error); redirects are
/// NOT followed (the 3xx is returned as-is, so Authorization can never cross hosts); credentials
/// over plain http to a non-loopback host are refused before any DNS lookup (`policy`).
/// BasicAuth becomes "Authorization: Basic <base64>" (OpenSSL base64); the header value and the
/// token are registered with Redactor::global() before sending.
///
/// Proxies: libcurl's environment variables (https_proxy/HTTPS_PROXY, http_proxy, all_proxy/
/// ALL_PROXY, no_proxy/NO_PROXY; never upper-case HTTP_PROXY) are honoured for every target
/// except loopback hosts, which are always reached directly. The test suite relies on this: it
/// points them at a closed loopback port so nothing leaves the machine (tests/net/hermetic_test).
///
/// Body cap: once `max_body_bytes` have arrived the transfer is stopped, the connection dropped,
/// and the Response returned with the first `max_body_bytes` bytes and `truncated = true` (never a
/// too_large error). No Accept-Encoding is sent, so bodies arrive as identity bytes.
class CurlClient final : public HttpClient {
 public:
  /// Initialises libcurl once per process. Throws std::runtime_error if libcurl cannot start.
  explicit CurlClient(CurlOptions options = {});
  ~CurlClient() override;
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  /// Sends one attempt. Never throws for HTTP or transport problems; the Exchange holds exactly one
  /// Attempt (waited_before 0). Transport errors carry a typed kind and a one-line message.
  Exchange send(const Request& request) override;

 private:
  struct Pool;
  CurlOptions options_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace golive::net
