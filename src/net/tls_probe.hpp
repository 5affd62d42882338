#pragma once
/// A TLS handshake without an HTTP request, for the `api.tls` check: negotiated version and the
/// leaf certificate's subject, issuer and expiry.
#include <chrono>
#include <string>

#include "net/http.hpp"

namespace golive::net {

/// What probe_tls saw.
struct TlsInfo {
  bool ok = false;    ///< handshake (and verification unless insecure) succeeded
  std::string error;  ///< one line, redacted, when !ok
  TransportErrorKind error_kind = TransportErrorKind::other;  ///< meaningful when !ok
  std::string tls_version;                                    ///< e.g. "TLSv1.3"
  std::chrono::system_clock::time_point cert_not_after{};     ///< epoch when unknown
  std::string subject;  ///< leaf certificate, OpenSSL one-line form
  std::string issuer;
};

/// Connects to the host of `url` (https only), completes the TLS handshake with certificate and
/// host-name verification (unless `insecure`, honoured for loopback hosts only; otherwise a
/// `policy` error) and reports the leaf certificate via CURLOPT_CERTINFO. Sends no HTTP request:
/// a pre-request hook (CURLOPT_PREREQFUNCTION) aborts once the connection is up.
/// `ca_file` (PEM) replaces the system trust store when not empty. Never throws for network
/// problems; the whole probe is bounded by `timeout`.
TlsInfo probe_tls(const std::string& url, std::chrono::milliseconds timeout, bool insecure = false,
                  const std::string& ca_file = "");

}  // namespace golive::net
