#pragma once
/// Emulator internals shared by the route files: the error type, the per-call context, the
/// router interface and the validation helpers. Not part of the public API.
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/encoding.hpp"
#include "emukit/routes.hpp"
#include "emukit/types.hpp"
#include "emukit/util.hpp"
#include "providers/bluum/emulator/emulator.hpp"

namespace golive::bluum::emulator::detail {

using emukit::DeliveryJob;
using emukit::json;
using emukit::to_text;

struct Tenant;

/// An answer in the Bluum error envelope. Handlers throw it; the middleware writes it.
struct ApiError : std::runtime_error {
  ApiError(int status_code, std::string blum_code, const std::string& message,
           std::string param_name = {});
  int status;
  std::string code;   ///< BLUM-SSS-NNN
  std::string param;  ///< offending field, empty when none
};

/// `{"error":{type,code,message,param?}}` for `e`.
json error_body(const ApiError& e);

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
  json body;         ///< the parsed JSON object for POST/PATCH routes, else null
  std::vector<DeliveryJob>& outbox;

  bool has_fault(const std::string& name) const { return options.faults.count(name) != 0; }
  bool livemode() const { return !has_fault("livemode-false"); }
  /// Regex capture `i` of the route pattern.
  std::string arg(size_t i) const { return req.matches[static_cast<int>(i)].str(); }
  /// A new resource: id (prefix_base32), object, created, livemode, metadata (from the body).
  json new_resource(std::string_view prefix, std::string_view object) const;
  /// Queues `type` with `data` for every ACTIVE webhook of the tenant that subscribes to it.
  void emit(const std::string& type, const json& data);
};

using emukit::Method;

/// Route behaviour the middleware applies around a handler.
struct RouteFlags {
  bool list = false;          ///< a list endpoint (bad-json corrupts it)
  bool json_body = false;     ///< parse the body as a JSON object (empty body = {})
  bool idempotent = false;    ///< honours Idempotency-Key
  bool key_required = false;  ///< Idempotency-Key is mandatory (money movement)
};

using Handler = std::function<Reply(Call&)>;

/// Where route files register their handlers (implemented by the server).
class Router {
 public:
  virtual ~Router() = default;
  /// `pattern` is a full-match regex over the path, e.g. "/v1/investors/([^/]+)".
  virtual void add(Method method, const std::string& pattern, RouteFlags flags,
                   Handler handler) = 0;
};

void add_asset_routes(Router& router);
void add_investor_routes(Router& router);
void add_transfer_routes(Router& router);
void add_order_routes(Router& router);
void add_webhook_routes(Router& router);

/// One catalogue entry (assets.cpp).
struct Asset {
  const char* symbol;
  const char* name;
  const char* asset_class;  ///< equity | crypto
  const char* country;      ///< ISO alpha-2 lower-case, "" for crypto
  const char* market;       ///< MIC
  bool active, tradable, fractionable;
  std::int64_t price_cents;
};
/// The asset for `symbol` ("BTC/USD" also matches "BTCUSD"), or null.
const Asset* find_asset(std::string_view symbol);
json asset_json(const Asset& a);

/// Throws std::invalid_argument for an unknown fault or an out-of-range option (faults.cpp).
void validate_options(const Options& options);

// ---- helpers (util.cpp) ----

using emukit::format_fixed;
using emukit::format_trimmed;
using emukit::http_date;
using emukit::iso8601;
using emukit::new_id;
using emukit::parse_fixed;
using emukit::random_base32;

/// Strict standard base64 from the crypto module (one implementation for the whole tool).
using crypto::base64_decode;
using crypto::base64_encode;
/// Parsed Basic credentials; nullopt when the header is not `Basic <base64(key:secret)>`.
std::optional<std::pair<std::string, std::string>> parse_basic(const std::string& header);

/// `s`, or null when empty (optional text fields print as null, not "").
inline json string_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}
/// A required string field; 400 BLUM-400-002 if missing, -003 if not a string.
std::string require_string(const json& body, const std::string& field);
/// An optional string field (`fallback` when absent, null or ""); 400 BLUM-400-003 if present
/// and not a string.
std::string optional_string(const json& body, const std::string& field, std::string fallback = {});
/// `value` must be one of `allowed`; else 400 BLUM-400-004 naming them.
void require_enum(const std::string& value, const std::string& field,
                  const std::vector<std::string>& allowed);
/// A money amount field (decimal string, > 0, ≤ 2 decimals, ≤ 10,000,000.00) in cents;
/// 400 BLUM-400-002 if missing, -005 otherwise.
std::int64_t require_amount(const json& body, const std::string& field);
/// A path id must carry `prefix`; else 400 BLUM-400-003 (a raw UUID is the usual mistake).
void check_id(const std::string& id, std::string_view prefix, const std::string& param);
/// 404 BLUM-404-001 for a resource of `kind` with `id`.
[[noreturn]] void not_found(const std::string& kind, const std::string& id);

/// The list envelope over `items`, honouring `limit` (1-200, default 50) and `offset`.
Reply list_reply(const Call& call, const std::vector<json>& items);

}  // namespace golive::bluum::emulator::detail
