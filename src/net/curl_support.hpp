#pragma once
/// libcurl plumbing shared by CurlClient and probe_tls (internal to src/net).
#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "net/http.hpp"
#include "net/url.hpp"

namespace golive::net::detail {

/// Calls curl_global_init exactly once per process (std::call_once); safe from any thread.
void ensure_curl_global_init();

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
/// An owned easy handle.
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
/// An owned curl_slist (request headers).
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

/// Appends `line` to `list`; throws std::bad_alloc when libcurl cannot allocate.
void append(Slist& list, const std::string& line);

/// The negotiated protocol ("TLSv1.3") of the handle's live connection, or "" for plain http or
/// when unknown. Only valid while the connection is alive (call from a callback or right after a
/// CONNECT_ONLY transfer).
std::string tls_version(CURL* easy);

/// What the failed transfer looked like, for map_curl_error.
struct FailureContext {
  const Url& target;
  std::chrono::milliseconds timeout;          ///< total limit that applied
  std::chrono::milliseconds connect_timeout;  ///< connect limit that applied
  const char* errbuf;                         ///< CURLOPT_ERRORBUFFER contents (may be "")
  long os_errno = 0;                          ///< CURLINFO_OS_ERRNO
  bool connected = false;                     ///< CURLINFO_CONNECT_TIME_T > 0
};

/// Maps a CURLcode to a typed, one-line, redacted TransportError (latency left at 0).
TransportError map_curl_error(CURLcode code, const FailureContext& ctx);

/// A TransportError of kind `policy` with a redacted message.
TransportError policy_error(const std::string& message);

}  // namespace golive::net::detail
