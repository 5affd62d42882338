#pragma once
/// Internals of the audit proxy: forwarding one request upstream and writing injected answers.
#include <httplib.h>

#include <chrono>
#include <optional>
#include <string>

#include "audit/recording.hpp"
#include "audit/schedule.hpp"
#include "net/curl_client.hpp"

namespace golive::audit {

/// Where and how requests are forwarded.
struct Upstream {
  std::string base_url;  ///< every forwarded URL keeps its scheme, host and port
  std::chrono::milliseconds timeout{10000};
  bool insecure = false;
  bool add_missing_money_keys = false;
  std::string run_id;
  net::CurlClient client;
};

/// The client's Authorization header: HTTP Basic credentials as Secrets, or another scheme's
/// raw value. Both are registered with the Redactor (every form) when this is built.
struct ClientAuth {
  std::optional<net::BasicAuth> basic;
  std::string other;  ///< a non-Basic (or malformed Basic) header value; "" when none
};

/// Reads and registers the Authorization header of `req` (see ClientAuth).
ClientAuth client_auth(const httplib::Request& req);

/// Forwards `req` to `url` (net::url_for_target of its target) with `auth`, and copies the answer
/// into `res`. Hop-by-hop headers are not forwarded. Fills the upstream and client fields of `e`.
/// An upstream transport failure answers 502 with an error envelope.
void forward(Upstream& up, const std::string& url, const ClientAuth& auth,
             const httplib::Request& req, httplib::Response& res, const std::string& issued_id,
             ExchangeRecord& e);

/// Answers `status` without forwarding: a Bluum error envelope, X-Request-Id `request_id`, Date,
/// and the decision's Retry-After. Fills the client fields of `e`.
void answer_injected(httplib::Response& res, int status, const Decision& d,
                     const std::string& request_id, ExchangeRecord& e);

/// Answers 400 (`GOLIVE-400-001`) to a request the proxy refuses to forward, saying `why`, and
/// records `why` as the exchange's error.
void answer_refused(httplib::Response& res, const std::string& why, const std::string& request_id,
                    ExchangeRecord& e);

}  // namespace golive::audit
