#pragma once
/// Emulator internals shared by the route files: Basiq's error, the per-call context, the router
/// interface and the per-application state. Not part of the public API.
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "emukit/collection.hpp"
#include "emukit/types.hpp"
#include "emukit/util.hpp"
#include "providers/basiq/emulator/emulator.hpp"

namespace golive::basiq::emulator::detail {

using emukit::Collection;
using emukit::DeliveryJob;
using emukit::json;
using emukit::to_text;

/// An answer in Basiq's error envelope. Handlers throw it; the middleware writes it.
struct ApiError : std::runtime_error {
  /// `title` is the short message (std::exception::what()), `detail` the long one.
  ApiError(int status_code, std::string error_code, const std::string& title,
           std::string detail = {}, std::string parameter = {});
  int status;
  std::string code;       ///< kebab-case, e.g. resource-not-found
  std::string detail;     ///< defaults to the title
  std::string parameter;  ///< source.parameter, empty when none
};

/// `{type: "list", correlationId, data: [{type: "error", code, title, detail, source?}]}`.
json error_body(const ApiError& e);

/// Writes `e` (status, envelope) to `res`.
void write_error(httplib::Response& res, const ApiError& e);

/// What a token grants, as POST /token issued it.
struct Grant {
  std::string tenant;   ///< the application's key
  std::string scope;    ///< SERVER_ACCESS | CLIENT_ACCESS
  std::string user_id;  ///< CLIENT_ACCESS only
  std::chrono::steady_clock::time_point expires;
};

/// Everything one application (API key) owns. Applications never see each other's data.
struct Tenant {
  std::string api_key;
  Collection users, connections, jobs, webhooks;
  std::map<std::string, std::string> webhook_secrets;  ///< webhook id → whsec_ secret
  std::map<std::string, json> job_failures;  ///< job id → the failed step's {code, title, detail}
  std::map<std::string, size_t> created;     ///< kind → resources created by the API
};

/// A handler's successful answer.
struct Reply {
  int status = 200;
  json body;  ///< null: no body (204)
};

/// Everything a handler may touch. Valid for one call; the state lock is held throughout.
struct Call {
  const httplib::Request& req;
  Tenant& tenant;
  const Grant& grant;
  const Options& options;
  std::int64_t now;    ///< unix seconds
  std::string origin;  ///< "http://HOST:PORT", for links
  json body;           ///< the parsed JSON object of POST routes, else null
  std::vector<DeliveryJob>& outbox;

  bool has_fault(const std::string& name) const { return options.faults.count(name) != 0; }
  /// Regex capture `i` of the route pattern.
  std::string arg(size_t i) const { return req.matches[static_cast<int>(i)].str(); }
  /// Queues `event_type` (about the resource at `entity_path`) for every active webhook of the
  /// tenant subscribed to it.
  void emit(const std::string& event_type, const std::string& entity_path);
};

/// Route behaviour the middleware applies around a handler.
struct RouteFlags {
  bool list = false;       ///< a list endpoint (bad-json corrupts it)
  bool json_body = false;  ///< parse the body as a JSON object (empty body = {})
  /// A CLIENT_ACCESS token may call it for its own user (capture 1 is the user id), as Basiq
  /// allows for job status checks; every other route needs SERVER_ACCESS.
  bool client_ok = false;
};

using Handler = std::function<Reply(Call&)>;

/// Where route files register their handlers (implemented by the server).
class Router {
 public:
  virtual ~Router() = default;
  /// `method` is "GET", "POST" or "DELETE"; `pattern` a full-match regex over the path, e.g.
  /// "/users/([^/]+)".
  virtual void add(const char* method, const std::string& pattern, RouteFlags flags,
                   Handler handler) = 0;
};

void add_connector_routes(Router& router);
void add_user_routes(Router& router);
void add_webhook_routes(Router& router);

/// The connector catalogue (connectors.cpp); `fault_outage` puts the sandbox banks in outages.
json connectors_json(bool fault_outage);
/// True when `institution_id` is a connector of the catalogue.
bool known_institution(const std::string& institution_id);

/// A new user in `tenant` with `id` (random when empty); emits nothing.
json& add_user(Tenant& tenant, const std::string& id, const std::string& email, std::int64_t now);
/// A connection of `user_id` to `institution_id` for the sandbox persona `login_id` (the three
/// always-failing sandbox users fail their job at verify-credentials), and its first job;
/// returns the job. `settled`: every step has already run.
json& add_connection(Tenant& tenant, const std::string& origin, const std::string& user_id,
                     const std::string& institution_id, const std::string& login_id,
                     std::int64_t now, bool settled);
/// Runs the job's next step (in-progress → success or failed, the next one in-progress);
/// false when every step has already run.
bool advance_job(Tenant& tenant, json& job, std::int64_t now);
/// Registers `url` with `status` for every event; returns it (its secret kept aside).
json& add_webhook(Tenant& tenant, const std::string& url, const std::string& status,
                  std::int64_t now);

/// Throws std::invalid_argument for an unknown fault or an out-of-range option (faults.cpp).
void validate_options(const Options& options);

/// A random id shaped like Basiq's (hex, 8-4-4-4-12).
std::string new_uuid();
/// A string field of `body` ("" when absent or not a string).
std::string string_field(const json& body, const char* name);

}  // namespace golive::basiq::emulator::detail
