#pragma once
/// A provider pack (SPEC §11): the vendor facts the engine must not hard-code, read from
/// providers/<name>/pack.yaml (schema: providers/README.md). Generic checks, the HTTP layer,
/// the audit proxy and the interlock read these; none of them names a vendor.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace YAML {
class Node;
}  // namespace YAML

namespace golive {

/// One documented API host and the modes it serves.
struct PackHost {
  std::string host;            ///< normalised: lower case, no trailing dot, ASCII (IDNA)
  std::vector<EnvKind> modes;  ///< sandbox, production or both (one host for both modes)
  bool legacy = false;         ///< still listed by the vendor, but an old alias (a warning)
};

/// How requests authenticate.
enum class AuthStrategy {
  basic,           ///< Authorization: Basic base64(user:password)
  bearer,          ///< Authorization: Bearer <credential>
  token_exchange,  ///< a token endpoint answers a Bearer token, cached for its lifetime
};

/// Token exchange (e.g. Basiq): POST `path` with `Authorization: Basic <credential as issued>`,
/// `headers`, and a form body `scope=<scope>`; the answer carries the token and its lifetime.
struct TokenExchangeSpec {
  std::string path = "/token";
  std::string credential = "api_key";
  std::map<std::string, std::string> headers;  ///< e.g. basiq-version: 3.0
  std::string scope;                           ///< e.g. SERVER_ACCESS
  std::string token_field = "access_token";
  std::string expires_field = "expires_in";
  int refresh_before_s = 300;  ///< a cached token is renewed this long before it expires
};

struct AuthSpec {
  AuthStrategy strategy = AuthStrategy::basic;
  std::string user = "api_key";         ///< basic: credential sent as the user name
  std::string password = "api_secret";  ///< basic: credential sent as the password
  std::string credential = "api_key";   ///< bearer: the credential sent as the token
  TokenExchangeSpec token;              ///< token_exchange
};

/// A header the vendor requires on every API request; its value may depend on the mode
/// (Blockchain0x: X-Network testnet|mainnet).
struct HeaderRule {
  std::string name;
  std::string value;                       ///< fixed value, when not by mode
  std::map<EnvKind, std::string> by_mode;  ///< value per environment kind
  /// The value for `kind`.
  const std::string& value_for(EnvKind kind) const;
};

/// How the tool knows whether credentials are test or live.
enum class ModeSource {
  host,        ///< each host serves one mode (Bluum)
  key_prefix,  ///< the key's prefix is the mode (Blockchain0x sk_test_/sk_live_)
  profile,     ///< only the profile says; keys of the two modes must differ (Basiq)
};

struct ModeRule {
  ModeSource from = ModeSource::host;
  std::string credential = "api_key";       ///< key_prefix: the credential carrying the prefix
  std::map<EnvKind, std::string> prefixes;  ///< key_prefix: e.g. sandbox → sk_test_
};

/// The shape of one of the vendor's secret keys (a regular expression, e.g. sk_live_ followed by
/// 16 or more alphanumerics): credentials.not-in-files looks for it in tracked files.
struct KeyPattern {
  std::string pattern;                 ///< ECMAScript regex, searched within each line
  EnvKind mode = EnvKind::production;  ///< whose key it is: production fails, sandbox warns
};

/// A documented error code: what it means and, where the tool can say, how to fix it.
struct KnownCode {
  std::string meaning;
  std::string fix;
};

/// The documented code the audit proxy answers with when it injects an HTTP status
/// (`errors.injected`; docs/audit.md): never a code the vendor does not document.
struct InjectedError {
  std::string code;     ///< e.g. BLUM-429-001, rate_limit.exceeded
  std::string type;     ///< fills {type} (Bluum: rate_limit_error); "" when the vendor has none
  std::string message;  ///< fills {message}; "" = the code's meaning from `codes`
};

/// Where an error answer keeps its parts (JSON pointers; the first that resolves wins), and
/// how the audit proxy writes one.
struct ErrorSpec {
  std::vector<std::string> code, message, detail, type, param, request_id;
  std::string code_pattern;   ///< regex every code must match; empty: any non-empty code
  int code_status_group = 0;  ///< capture group of code_pattern holding the HTTP status
  std::map<std::string, KnownCode> codes;
  std::string not_found_path;  ///< a GET that must answer 404 in the envelope (api.error-model)
  /// `errors.template` as JSON text: the vendor's error body with {code} {message} {type}
  /// {request_id} {trace_id} {status} placeholders in its string values; "" when the pack gives
  /// none (error_body() then puts each part at its first pointer).
  std::string envelope;
  std::map<int, InjectedError> injected;  ///< HTTP status → the documented code to answer
};

/// Where a response's request id comes from: a header, else body pointers (Basiq correlationId).
struct RequestIdSpec {
  std::string header;
  std::vector<std::string> body;
};

/// A published rate limit: `limit` requests per `per_s` seconds, for one mode or both; scope
/// "requests" (every API request) or "token" (token requests only).
struct RateLimit {
  std::optional<EnvKind> mode;
  std::string scope = "requests";
  int limit = 0;
  int per_s = 1;
};

struct IdempotencySpec {
  std::string header = "Idempotency-Key";
  int conflict_status = 409;
  std::string conflict_code;  ///< e.g. BLUM-409-002, idempotency.conflict
  int ttl_h = 24;
};

/// A request that moves money (or creates a billable resource), for the audit and interlock.
struct MoneyEndpoint {
  std::string method;  ///< POST
  std::string path;    ///< relative to the base URL; '*' matches one path segment
  std::string kind;    ///< deposit | withdrawal | payment | user ...
  /// True when `method` and `path` (relative to the base URL, no query) match.
  bool matches(std::string_view req_method, std::string_view req_path) const;
};

/// True when `path` (no query) matches `pattern`, in which '*' matches one path segment.
bool path_matches(std::string_view pattern, std::string_view path);

/// The background jobs a client starts and polls (Basiq: a connection's refresh answers a job,
/// GET /jobs/{id} shows its steps), as the client audit reads them (docs/audit.md "Jobs").
struct JobSpec {
  std::string path;                     ///< GET of one job; its last '*' segment is the job id
  std::string steps = "/steps";         ///< JSON pointer to the job's list of steps
  std::string status_field = "status";  ///< field of a step holding its status
  std::vector<std::string> failed;      ///< step statuses meaning the job failed (terminal)
  std::vector<std::string> running;     ///< step statuses meaning it has not finished
  std::string code = "/result/code";    ///< pointer, within a failed step, to its error code
  /// Pointer to the URL of the resource the job works on (…/users/U/connections/C); "" = none.
  std::string source;
  /// Collection segment of `source`'s path → the name of the id that follows it, e.g.
  /// users → userId: the ids a partner's error log must carry with the job id.
  std::map<std::string, std::string> source_ids;
  std::string id_name = "jobId";     ///< what the partner's logs call the job id
  std::vector<std::string> refresh;  ///< POST paths that start a refresh ('*' = one segment)
};

/// How the webhook endpoints of a partner are listed (webhook.registration).
struct WebhookRegistrationSpec {
  std::string path;                       ///< e.g. /webhooks
  std::string url_field = "url";          ///< field of each endpoint holding its URL
  std::string status_field;               ///< empty: no status field (all listed are active)
  std::vector<std::string> active;        ///< status values meaning active
  std::vector<std::string> events_field;  ///< candidate fields holding subscribed event names
  std::vector<std::string> required_events;
  /// Event families a partner who onboards investors should receive (Bluum: kyc.*); reported,
  /// and a warning when the profile says it onboards investors and none is subscribed.
  std::vector<std::string> onboarding_events;
  std::string pagination =
      "none";  ///< offset (limit/offset + has_more) | cursor (page.next) | none
  /// True when `status` (any case) is one of `active`, or when there is no status field.
  bool is_active_status(const std::string& status) const;
};

/// A realistic event the vendor sends, for webhook.events: its type and its body as a JSON text
/// with placeholders {{run_id}}, {{timestamp}} (ISO 8601 UTC) and {{created}} (Unix seconds).
struct WebhookEventSample {
  std::string type;  ///< e.g. order.filled
  std::string body;  ///< JSON once the placeholders are filled in (checked when loaded)
};

struct WebhookSpec {
  std::string scheme = "standard";
  int tolerance_s = 300;
  int response_budget_s = 30;
  std::string test_event = "webhook.test";
  std::optional<WebhookRegistrationSpec> registration;
  std::vector<WebhookEventSample> events;  ///< realistic deliveries (webhook.events)
};

/// When an item of a watched list needs attention: its status is one of `statuses` for longer
/// than `after_s` since it was created, and every `where` field has the given value.
struct StuckRule {
  std::vector<std::string> statuses;
  int after_s = 0;
  std::map<std::string, std::string> where;  ///< top-level field → required string value
};

/// One list `watch` polls (GET, every page). `path` may name one earlier list in braces
/// (/investors/{investors}/orders): it is then polled once per item id of that list.
struct WatchList {
  std::string name;  ///< e.g. orders
  std::string path;
  std::vector<StuckRule> stuck;  ///< empty: polled for its ids only (a parent list)
};

/// What `bluum-golive watch` polls after cut-over (docs/watch.md): read-only lists, which of
/// their items are stuck, and the webhook endpoints (webhook.registration's list).
struct WatchSpec {
  int interval_s = 30;  ///< default time between polling rounds
  std::string id_field = "id";
  std::string status_field = "status";
  std::string created_field = "created";  ///< Unix seconds, or an ISO 8601 UTC string
  std::string pagination = "offset";      ///< offset | cursor | none (as registration's)
  std::vector<WatchList> lists;
  bool webhooks = true;  ///< also report endpoints of webhook.registration's list not active
  /// A JSON pointer into a webhook endpoint whose value, when a number > 0 or true, means its
  /// deliveries are failing; empty when the provider publishes none (Bluum).
  std::string webhook_failures;
};

/// The read-only request of api.smoke.
struct SmokeSpec {
  std::string path;
  std::map<std::string, std::string> query;
  bool list = true;  ///< the answer must be a JSON list
  int latency_budget_ms = 1000;
};

struct ProviderPack {
  std::string name;          ///< "bluum"
  std::string display_name;  ///< "Bluum Finance"
  std::string docs_url;      ///< the vendor's go-live page
  std::string pack_version;  ///< e.g. 2026.12.1
  std::string source;        ///< where it was read from (a path, or "builtin:...")
  std::string demo_profile;  ///< built-in demo profile name (`check --env NAME`)
  std::vector<PackHost> hosts;
  std::string path_prefix;  ///< e.g. /v1; empty when none
  std::vector<std::string> credentials;
  AuthSpec auth;
  std::vector<HeaderRule> headers;
  ModeRule mode;
  std::vector<KeyPattern> key_patterns;  ///< key shapes to look for in files; empty: none
  ErrorSpec errors;
  RequestIdSpec request_id;
  std::vector<RateLimit> rate_limits;
  std::string retry_after = "seconds";  ///< seconds | seconds-or-date
  std::optional<IdempotencySpec> idempotency;
  std::vector<MoneyEndpoint> money;
  WebhookSpec webhook;
  std::optional<SmokeSpec> smoke;
  std::optional<WatchSpec> watch;
  std::optional<JobSpec> jobs;
  std::map<std::string, std::string> env_vars;  ///< role → variable, e.g. api_key → BLUUM_API_KEY

  /// The host entry for `host` (normalised before comparing), or nullptr.
  const PackHost* find_host(const std::string& host) const;
  /// The one mode `host` serves; nullopt when unknown or when it serves both modes.
  std::optional<EnvKind> kind_of_host(const std::string& host) const;
  bool is_legacy_host(const std::string& host) const;
  /// True when `host` serves production (alone or with sandbox).
  bool is_production_host(const std::string& host) const;
  /// True when `host` serves sandbox (alone or with production).
  bool is_sandbox_host(const std::string& host) const;
  /// Hosts serving `kind` (current first, then legacy), normalised.
  std::vector<std::string> hosts_of(EnvKind kind) const;
  /// The requests-per-second budget for `kind` (0 when none is published).
  double rate_per_s(EnvKind kind) const;
  /// The mode a credential value shows by its prefix (ModeSource::key_prefix), else nullopt.
  std::optional<EnvKind> mode_of_key(const std::string& value) const;
  /// The documented meaning of `code`, or nullptr.
  const KnownCode* known_code(const std::string& code) const;
  /// The money endpoint matching a request, or nullptr.
  const MoneyEndpoint* money_endpoint(std::string_view method, std::string_view path) const;
  /// The credential names the auth strategy sends: Basic user and password, the Bearer
  /// credential, or the credential of the token request.
  std::vector<std::string> auth_credentials() const;
  /// The distinct kinds of the money endpoints, in the order the pack lists them.
  std::vector<std::string> money_kinds() const;
  /// True when the pack answers `capability`: "idempotency", "webhook-registration", "smoke",
  /// "key-prefix-mode", "token-exchange", "money", "webhook-events", "rate-limits" (a published
  /// request limit), "error-body-id" (error bodies carry an id: request_id.body or
  /// errors.request_id), "error-trace-id" (`errors.template` places {trace_id}), "mode-headers"
  /// (headers required on every request), "jobs" (the
  /// client polls background jobs: `jobs`).
  bool has(std::string_view capability) const;
};

/// Parses pack YAML `text` read from `source` (for messages); validates every key and type and
/// throws ConfigError with FILE:LINE:COL diagnostics, all at once.
ProviderPack parse_provider(const std::string& text, const std::string& source);

/// How much of a pack's consistency parse_provider proves beyond its keys and types.
enum class PackChecks {
  full,   ///< also compiles its regular expressions (key_patterns, errors.code_pattern) and
          ///< reads each `errors.injected` answer back through the pack's own pointers
  shape,  ///< keys and types only: for a built-in pack, whose text the build's own tests parse
          ///< with `full` (tests/resources), so start-up need not compile its patterns again
};

/// The same over the pack's documents already loaded (a built-in pack's tree compiled at build
/// time, core/yaml_json.hpp); diagnostics then carry no line numbers.
ProviderPack parse_provider(const std::vector<YAML::Node>& docs, const std::string& source,
                            PackChecks checks);

/// `sample.body` with its placeholders filled in: {{run_id}} → `run_id`, {{created}} →
/// `created`, {{timestamp}} → `created` as ISO 8601 UTC (2026-12-01T15:04:05Z).
std::string render_event_sample(const WebhookEventSample& sample, const std::string& run_id,
                                std::int64_t created);

/// The normalised form of a host as packs and the interlock compare it (net::canonical_host:
/// lower case, trailing dot removed, IDNA to ASCII); "" when `host` cannot be normalised.
std::string normalise_host(const std::string& host);

}  // namespace golive
