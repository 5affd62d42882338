#pragma once
/// Emulator internals shared by the route files: the error type, the per-call context, the
/// router interface, per-key state and the list helper. Not part of the public API.
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "emukit/collection.hpp"
#include "emukit/idempotency.hpp"
#include "emukit/routes.hpp"
#include "emukit/token_bucket.hpp"
#include "emukit/types.hpp"
#include "emukit/util.hpp"
#include "providers/blockchain0x/emulator/emulator.hpp"

namespace golive::blockchain0x::emulator::detail {

using emukit::Collection;
using emukit::DeliveryJob;
using emukit::json;
using emukit::to_text;

/// An answer in the Blockchain0x error envelope. Handlers throw it; the middleware writes it.
struct ApiError : std::runtime_error {
  ApiError(int status_code, std::string error_code, const std::string& message)
      : std::runtime_error(message), status(status_code), code(std::move(error_code)) {}
  int status;
  std::string code;  ///< dot.namespaced_snake, e.g. idempotency.conflict
};

/// `{"error":{code, message, requestId, details: null}}`.
json error_body(const ApiError& e, const std::string& request_id);

/// Everything one key owns (seed-apis §2.1: the key prefix is the network). Keys never see
/// each other's data. Guarded by the server's state mutex.
struct Tenant {
  std::string api_key;  ///< "" for the anonymous tenant (drop-auth-check)
  std::string network;  ///< testnet | mainnet
  json agent;           ///< the one deployed, funded agent of the key
  Collection payments, webhooks;
  std::map<std::string, std::string> webhook_secrets;  ///< wh_ id → signing secret
  emukit::IdempotencyStore idempotency;                ///< 24 h (§2.5)
  emukit::TokenBucket bucket;
  int burst_served = 0;  ///< 5xx-burst answers given so far
};

/// A handler's successful answer.
struct Reply {
  int status = 200;
  json body;
};

/// Everything a handler may touch. Valid for one call; the state lock is held throughout.
struct Call {
  const httplib::Request& req;
  Tenant& tenant;
  const Options& options;
  std::int64_t now;  ///< unix seconds
  json body;         ///< the parsed JSON object for POST routes, else null
  std::vector<DeliveryJob>& outbox;

  bool has_fault(const std::string& name) const { return options.faults.count(name) != 0; }
  /// Regex capture `i` of the route pattern.
  std::string arg(size_t i) const { return req.matches[static_cast<int>(i)].str(); }
  /// Queues `type` with `data` for every endpoint of the tenant subscribed to it.
  void emit(const std::string& type, const json& data);
};

using emukit::Method;

/// Route behaviour the middleware applies around a handler.
struct RouteFlags {
  bool list = false;          ///< a list endpoint (bad-json corrupts it)
  bool json_body = false;     ///< parse the body as a JSON object (empty body = {})
  bool idempotent = false;    ///< honours Idempotency-Key
  bool key_required = false;  ///< Idempotency-Key is mandatory (POST /v1/payments)
};

using Handler = std::function<Reply(Call&)>;

/// Where route files register their handlers (implemented by the server).
class Router {
 public:
  virtual ~Router() = default;
  /// `pattern` is a full-match regex over the path, e.g. "/v1/payments/([^/]+)".
  virtual void add(Method method, const std::string& pattern, RouteFlags flags,
                   Handler handler) = 0;
};

/// GET /v1/agents[/{id}], GET|POST /v1/payments, GET /v1/payments/{id} (payments.cpp).
void add_payment_routes(Router& router);
/// GET /v1/webhooks, POST /v1/webhooks/{id}/test, Call::emit (webhooks.cpp).
void add_webhook_routes(Router& router);

/// Sets up a new tenant: its network and its one agent.
void open_tenant(Tenant& tenant, const std::string& api_key, const std::string& network,
                 std::int64_t now);
/// Adds an endpoint for `url` and `events` signed with `secret` (the dashboard); returns its id.
std::string add_webhook(Tenant& tenant, const std::string& url,
                        const std::vector<std::string>& events, const std::string& secret,
                        std::int64_t now);

/// Throws std::invalid_argument for an unknown fault or an out-of-range option (faults.cpp).
void validate_options(const Options& options);

/// A cursor page over `items` (oldest first) as `{data, page: {next, prev}}` (§2.7): `limit`
/// 1–100 (default 25), `sort` createdAt:asc|desc (default desc), `cursor` from page.next/prev.
/// 400 request.invalid for anything else.
Reply list_reply(const Call& call, const std::vector<json>& items);

/// A required non-empty string field; 400 request.invalid when absent or not a string.
std::string require_string(const json& body, const std::string& field);
/// 404 resource.not_found (pack: not in the catalogue, a plain 404) for a `kind` with `id`.
[[noreturn]] void not_found(const std::string& kind, const std::string& id);
using emukit::iso8601;
using emukit::new_id;

}  // namespace golive::blockchain0x::emulator::detail
