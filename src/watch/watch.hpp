#pragma once
/// `bluum-golive watch` (docs/watch.md): after cut-over, polls the provider's lists that the
/// pack's `watch:` section names, read-only, at a polite rate, for a while, and reports what
/// needs a human: items stuck in a status longer than the pack allows, webhook endpoints
/// disabled or failing, and every 4xx/5xx answer seen, with its request id. Vendor-neutral:
/// everything Bluum-specific is in the pack.
#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "engine/provider.hpp"
#include "engine/provider_api.hpp"

namespace golive::watch {

/// One thing that needs attention.
struct Finding {
  std::string kind;  ///< "stuck" | "webhook" | "http"
  std::string list;  ///< the watched list ("orders"), "webhooks", or "" for http
  std::string id;    ///< the item's id, when known
  std::string status;
  std::int64_t age_s = 0;  ///< stuck: seconds since the item was created
  int after_s = 0;         ///< stuck: the pack's threshold
  int http_status = 0;     ///< http: the answer's status
  std::string code;        ///< http: the provider's error code, when the body has one
  std::string request_id;  ///< http: the answer's request id
  std::string path;        ///< http: the path polled (no query values that could be secret)
  std::string detail;      ///< one line, redacted
};

/// What a watch saw.
struct WatchReport {
  std::string profile, provider, environment, base_url;  ///< base_url redacted
  std::string started_at, finished_at;                   ///< ISO 8601 UTC
  int rounds = 0;
  int requests = 0;       ///< GETs sent (each attempt of a retried one counts once)
  int answered = 0;       ///< of them, answered 2xx with a readable list
  int items = 0;          ///< distinct list items seen
  int interval_s = 0;     ///< between rounds
  double rate_per_s = 0;  ///< the request rate the watch kept to
  std::vector<Finding> findings;
  std::vector<std::string> notes;  ///< e.g. lists cut at the page limit
  int exit_code = 0;               ///< 0 quiet, 1 attention needed, 3 nothing could be read
  std::string verdict;             ///< QUIET | ATTENTION NEEDED | INCONCLUSIVE
};

/// How long and how often.
struct WatchOptions {
  std::chrono::seconds duration{1800};  ///< --for
  std::chrono::seconds interval{0};     ///< --interval; 0: the pack's interval_s
};

/// The share of a published rate limit the watch uses: it runs with the partner's own key pair
/// beside the partner's traffic, so it keeps to a fifth of the limit (and at most 5 req/s).
double polite_rate(const ProviderPack& pack, EnvKind kind);

/// Polls until `options.duration` has passed (at least one round), sleeping on `clock`
/// between rounds; `api` must be built on a guarded, throttled client. `progress` receives a
/// line per round (may be empty). Fills every field of the report but the header strings.
WatchReport run_watch(const ProviderPack& pack, ProviderApi& api, Clock& clock,
                      const WatchOptions& options,
                      const std::function<void(const std::string&)>& progress);

/// "text" or "json" (docs/watch.md shows both).
void write_report(const std::string& format, const WatchReport& report, std::ostream& out);

/// The formats write_report() knows.
const std::vector<std::string>& report_formats();

}  // namespace golive::watch
