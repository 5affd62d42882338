#pragma once
/// Internals of the audit proxy: forwarding one request upstream and writing injected answers.
#include <httplib.h>

#include <chrono>
#include <string>

#include "audit/recording.hpp"
#include "audit/schedule.hpp"
#include "net/curl_client.hpp"

namespace golive::audit {

/// Where and how requests are forwarded.
struct Upstream {
  std::string origin;  ///< "scheme://host:port"
  std::chrono::milliseconds timeout{10000};
  bool insecure = false;
  bool add_missing_money_keys = false;
  std::string run_id;
  net::CurlClient client;
};

/// Forwards `req` to the upstream and copies the answer into `res`. Hop-by-hop headers are not
/// forwarded; HTTP Basic credentials travel as net::BasicAuth (registered with the Redactor,
/// subject to the send policy) and the user name is returned in `api_key`. Fills the upstream
/// and client fields of `e`. An upstream transport failure answers 502 with an error envelope.
void forward(Upstream& up, const httplib::Request& req, httplib::Response& res,
             const std::string& issued_id, ExchangeRecord& e, std::string& api_key);

/// Answers `status` without forwarding: a Bluum error envelope, X-Request-Id `request_id`, Date,
/// and the decision's Retry-After. Fills the client fields of `e`.
void answer_injected(httplib::Response& res, int status, const Decision& d,
                     const std::string& request_id, ExchangeRecord& e);

}  // namespace golive::audit
