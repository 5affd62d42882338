#pragma once
/// Internals of the audit proxy: forwarding one request upstream and writing injected answers.
#include <httplib.h>

#include <chrono>
#include <optional>
#include <string>

#include "audit/proxy_auth.hpp"
#include "audit/recording.hpp"
#include "audit/schedule.hpp"
#include "engine/provider.hpp"
#include "net/curl_client.hpp"

namespace golive::audit {

/// Where and how requests are forwarded.
struct Upstream {
  std::string base_url;  ///< every forwarded URL keeps its scheme, host and port
  std::chrono::milliseconds timeout{10000};
  bool insecure = false;
  bool add_missing_money_keys = false;
  std::string run_id;
  const ProviderPack* pack = nullptr;  ///< never null while serving
  net::CurlClient client;
};

/// Forwards `req` to `url` (net::url_for_target of its target) with `auth`, and copies the answer
/// into `res`. Hop-by-hop headers are not forwarded. Fills the upstream and client fields of `e`
/// (the request id and error code read with the pack). An upstream transport failure answers
/// 502 `GOLIVE-502-001` in the vendor's envelope.
void forward(Upstream& up, const std::string& url, const ClientAuth& auth,
             const httplib::Request& req, httplib::Response& res, const std::string& issued_id,
             ExchangeRecord& e);

/// Ids the proxy gives an answer it writes itself: `request_id` goes in the pack's request-id
/// header (when it has one) and {request_id}; `trace_id` in {trace_id} of `errors.template`.
struct IssuedIds {
  std::string request_id;
  std::string trace_id;
};

/// Answers `status` without forwarding: the pack's documented code for it (`errors.injected`;
/// a status it lacks gets `GOLIVE-<status>-001`) in the vendor's envelope (`errors.template`),
/// the issued ids, Date, and the decision's Retry-After. Fills the client fields of `e` (its
/// trace id only when the body carries it).
void answer_injected(const ProviderPack& pack, httplib::Response& res, int status,
                     const Decision& d, const IssuedIds& ids, ExchangeRecord& e);

/// Answers 400 (`GOLIVE-400-001`, in the vendor's envelope) to a request the proxy refuses to
/// forward, saying `why`, and records `why` as the exchange's error.
void answer_refused(const ProviderPack& pack, httplib::Response& res, const std::string& why,
                    const std::string& request_id, ExchangeRecord& e);

}  // namespace golive::audit
