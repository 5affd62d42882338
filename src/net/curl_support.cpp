#include "net/curl_support.hpp"

#include <fmt/format.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <mutex>
#include <new>
#include <stdexcept>
#include <system_error>

namespace golive::net::detail {
namespace {

/// The curl error buffer, or curl's generic text for `code` when the buffer is empty.
std::string detail_text(CURLcode code, const char* errbuf) {
  if (errbuf != nullptr && errbuf[0] != '\0') return errbuf;
  return curl_easy_strerror(code);
}

bool is_tls_code(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

bool is_protocol_code(CURLcode code) {
  switch (code) {
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_TOO_MANY_REDIRECTS:
      return true;
    default:
      return false;
  }
}

TransportError make(TransportErrorKind kind, const std::string& message) {
  return TransportError{kind, golive::redact(message), std::chrono::milliseconds{0}};
}

}  // namespace

void ensure_curl_global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("libcurl global initialisation failed");
    }
  });
}

void append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown == nullptr) throw std::bad_alloc();
  // curl_slist_append returns the existing head once there is one; only the first call adopts.
  if (!list) list.reset(grown);
}

std::string tls_version(CURL* easy) {
  curl_tlssessioninfo* info = nullptr;
  if (curl_easy_getinfo(easy, CURLINFO_TLS_SSL_PTR, &info) != CURLE_OK || info == nullptr) {
    return "";
  }
  if (info->backend != CURLSSLBACKEND_OPENSSL || info->internals == nullptr) return "";
  return SSL_get_version(static_cast<const SSL*>(info->internals));
}

TransportError map_curl_error(CURLcode code, const FailureContext& ctx) {
  const std::string where = ctx.target.authority();
  const std::string text = detail_text(code, ctx.errbuf);
  using K = TransportErrorKind;
  if (code == CURLE_OPERATION_TIMEDOUT) {
    if (!ctx.connected) {
      const auto limit = std::min(ctx.timeout, ctx.connect_timeout);
      return make(K::timeout,
                  fmt::format("timed out after {} ms connecting to {}", limit.count(), where));
    }
    return make(K::timeout, fmt::format("timed out after {} ms waiting for a response from {}",
                                        ctx.timeout.count(), where));
  }
  if (code == CURLE_COULDNT_CONNECT) {
    if (ctx.os_errno == ECONNREFUSED) return make(K::connect, "connection refused: " + where);
    const std::string why =
        ctx.os_errno != 0
            ? std::error_code(static_cast<int>(ctx.os_errno), std::generic_category()).message()
            : text;
    return make(K::connect, fmt::format("could not connect to {}: {}", where, why));
  }
  if (code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY) {
    return make(K::dns, "could not resolve host: " + ctx.target.host);
  }
  if (code == CURLE_PEER_FAILED_VERIFICATION) {
    return make(K::tls, "TLS certificate verification failed: " + text);
  }
  if (is_tls_code(code)) {
    return make(K::tls, fmt::format("TLS handshake with {} failed: {}", where, text));
  }
  if (code == CURLE_GOT_NOTHING) {
    return make(K::protocol, fmt::format("empty reply from {}: connection closed without a "
                                         "response",
                                         where));
  }
  if (is_protocol_code(code)) {
    return make(K::protocol, fmt::format("protocol error from {}: {}", where, text));
  }
  return make(K::other, fmt::format("{} ({}): {}", curl_easy_strerror(code), where, text));
}

TransportError policy_error(const std::string& message) {
  return make(TransportErrorKind::policy, message);
}

}  // namespace golive::net::detail
