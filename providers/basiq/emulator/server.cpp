#include "providers/basiq/emulator/server.hpp"

#include <openssl/crypto.h>

#include "crypto/digest.hpp"

namespace golive::basiq::emulator::detail {

namespace {

constexpr const char* kClientScope = "CLIENT_ACCESS";

json parse_body(const std::string& text) {
  if (text.empty()) return json::object();
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw ApiError(400, "parameter-not-valid", "Request body is not valid JSON.",
                   "The request body must be a JSON object.");
  }
  return body;
}

Options validated(Options options) {
  validate_options(options);
  return options;
}

emukit::ReceiverBehaviour receiver_behaviour(const Options& o) {
  emukit::ReceiverBehaviour b;
  b.accept_anything = o.faults.count("receiver-accepts-anything") != 0;
  if (o.faults.count("receiver-slow") != 0) {
    b.delay = o.receiver_delay.count() > 0 ? o.receiver_delay : std::chrono::milliseconds(31'000);
  }
  return b;
}

/// Constant-time equality of two tokens (compares SHA-256 digests so lengths never leak).
bool same_token(const std::string& a, const std::string& b) {
  const std::string da = crypto::sha256_hex(a);
  const std::string db = crypto::sha256_hex(b);
  return CRYPTO_memcmp(da.data(), db.data(), da.size()) == 0;
}

}  // namespace

Server::Server(Options options)
    : options_(validated(std::move(options))),
      clock_(options_.clock != nullptr ? *options_.clock : SystemClock::instance()),
      receiver_(receiver_behaviour(options_),
                [this](std::chrono::milliseconds d) { return http_.pause(d); }),
      dispatcher_(clock_, [this](std::chrono::milliseconds d) { return http_.pause(d); }) {
  http_.http().Post(
      "/token", [this](const httplib::Request& req, httplib::Response& res) { token(req, res); });
  add_connector_routes(*this);
  add_user_routes(*this);
  add_webhook_routes(*this);
  receiver_.mount(http_.http());
  add_fallbacks();
}

Server::~Server() {
  stop();
}

void Server::add(const char* method, const std::string& pattern, RouteFlags flags,
                 Handler handler) {
  http_.route(method, pattern,
              [this, flags, handler = std::move(handler)](const httplib::Request& req,
                                                          httplib::Response& res) {
                serve(req, res, flags, handler);
              });
}

void Server::add_fallbacks() {
  // Registered last: httplib tries patterns in order, so these only catch unknown routes.
  auto unknown = [this](const httplib::Request& req, httplib::Response& res) {
    const ApiError e(404, "resource-not-found", "Resource not found.",
                     "No such endpoint: " + req.method + " " + req.path);
    serve(req, res, {}, [e](Call&) -> Reply { throw e; });
  };
  http_.catch_all(unknown);
  // Errors httplib produces itself (413, malformed requests) still get the envelope.
  http_.http().set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (res.status >= 500) {
          write_error(res, ApiError(res.status, "internal-server-error", "Internal server error"));
        } else {
          write_error(
              res, ApiError(res.status, "parameter-not-valid", "The request could not be read."));
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_.http().set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        write_error(res, ApiError(500, "internal-server-error", "Internal server error"));
      });
  // Every response carries Date (Basiq sends no request-id header: errors carry correlationId).
  http_.http().set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
    if (!res.has_header("Date")) res.set_header("Date", emukit::http_date(clock_.wall_now()));
  });
}

void Server::reply_error(httplib::Response& res, const ApiError& e) const {
  write_error(res, e);
  if (has("no-envelope")) res.set_content(std::string("error: ") + e.what(), "text/plain");
}

void Server::start() {
  http_.start(options_.host, options_.port);
  dispatcher_.start();
}

void Server::stop() {
  http_.stop();  // wakes every pause first
  dispatcher_.stop();
}

std::vector<std::string> Server::issued_tokens() const {
  std::lock_guard lock(state_mu_);
  return issued_;
}

size_t Server::created(const std::string& api_key, const std::string& kind) const {
  std::lock_guard lock(state_mu_);
  auto t = tenants_.find(api_key);
  if (t == tenants_.end()) return 0;
  auto c = t->second.created.find(kind);
  return c == t->second.created.end() ? 0 : c->second;
}

void Server::prepare(const PartnerSetup& setup) {
  std::lock_guard lock(state_mu_);
  Tenant& t = tenants_[setup.api_key];
  t.api_key = setup.api_key;
  const auto now = emukit::unix_seconds(clock_.wall_now());
  if (!setup.user_id.empty() && t.users.find(setup.user_id) == nullptr) {
    add_user(t, setup.user_id, "demo@partner.example", now);
    add_connection(t, origin(), setup.user_id, "AU00000", "Wentworth-Smith", now, true);
    if (has("jobs-failing")) {
      add_connection(t, origin(), setup.user_id, "AU00000", "jianYang", now, true);
    }
  }
  if (!setup.webhook_url.empty()) {
    add_webhook(t, setup.webhook_url, has("webhook-disabled") ? "disabled" : "active", now);
  }
}

const Grant& Server::authenticate(const httplib::Request& req, const RouteFlags& flags) {
  const bool lax = has("drop-auth-check");
  const std::string header = req.get_header_value("Authorization");
  static constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
    if (lax) return anonymous_;
    throw ApiError(401, "unauthorized-access", "Invalid authorization token.",
                   header.empty() ? "Send Authorization: Bearer <access_token> from POST /token."
                                  : "Resources take a Bearer token; the API key is only for "
                                    "POST /token.");
  }
  const std::string token = header.substr(kBearer.size());
  const Grant* grant = nullptr;
  for (const auto& [issued, g] : grants_) {
    if (same_token(issued, token)) grant = &g;
  }
  if (grant == nullptr) {
    if (lax) return anonymous_;
    throw ApiError(401, "unauthorized-access", "Invalid authorization token.",
                   "The token was not issued by POST /token.");
  }
  if (clock_.now() >= grant->expires) {
    throw ApiError(403, "invalid-authorization-token", "Token has expired",
                   "Tokens last expires_in seconds; request a new one with POST /token.");
  }
  if (grant->scope == kClientScope && !flags.client_ok) {
    throw ApiError(403, "forbidden-access", "Access to this resource is forbidden.",
                   "CLIENT_ACCESS tokens are for the Consent UI and job status checks; use a "
                   "SERVER_ACCESS token on the server.");
  }
  return *grant;
}

void Server::serve(const httplib::Request& req, httplib::Response& res, const RouteFlags& flags,
                   const Handler& handler) {
  ++requests_;
  if (has("slow")) http_.pause(options_.slow_delay);
  std::vector<DeliveryJob> outbox;
  try {
    Reply reply;
    {
      std::lock_guard lock(state_mu_);
      const Grant& grant = authenticate(req, flags);
      Tenant& tenant = tenants_[grant.tenant];
      tenant.api_key = grant.tenant;
      const auto now = emukit::unix_seconds(clock_.wall_now());
      Call call{req,
                tenant,
                grant,
                options_,
                now,
                origin(),
                flags.json_body ? parse_body(req.body) : json(),
                outbox};
      reply = handler(call);
    }
    res.status = reply.status;
    if (!reply.body.is_null()) {
      std::string text = to_text(reply.body);
      // bad-json: a list answer cut in half is never valid JSON (the object is not closed).
      if (flags.list && has("bad-json")) text.resize(text.size() / 2);
      res.set_content(text, "application/json");
    }
  } catch (const ApiError& e) {
    outbox.clear();
    reply_error(res, e);
  } catch (const std::exception&) {
    outbox.clear();
    reply_error(res, ApiError(500, "internal-server-error", "Internal server error"));
  }
  if (options_.deliver_webhooks) dispatcher_.enqueue(std::move(outbox));
}

}  // namespace golive::basiq::emulator::detail
