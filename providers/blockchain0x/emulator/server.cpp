/// The middleware every API request passes and the per-key state (seed-apis.md §2).
#include "providers/blockchain0x/emulator/server.hpp"

#include "crypto/webhook.hpp"

namespace golive::blockchain0x::emulator::detail {

namespace {

std::string new_request_id() {
  return "req_" + emukit::random_base32(24);
}

/// The envelope, with requestId equal to the x-request-id header already set on `res`.
void write_error(httplib::Response& res, const ApiError& e) {
  if (!res.has_header("x-request-id")) res.set_header("x-request-id", new_request_id());
  res.status = e.status;
  res.set_content(to_text(error_body(e, res.get_header_value("x-request-id"))), "application/json");
}

json parse_body(const std::string& text) {
  if (text.empty()) return json::object();
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded()) throw ApiError(400, "request.invalid", "Request body is not valid JSON");
  if (!body.is_object()) {
    throw ApiError(400, "request.invalid", "Request body must be a JSON object");
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

/// The blockchain0x scheme (X-Blockchain0x-Signature t=..,v1=.. over t.rawBody, §2.6).
emukit::HeaderList blockchain0x_sign(const std::string& secret, const std::string& id,
                                     std::int64_t timestamp, const std::string& body) {
  static const auto scheme = webhook::make_scheme("blockchain0x");
  return scheme->sign(secret, webhook::SignInput{id, timestamp, body});
}

}  // namespace

json error_body(const ApiError& e, const std::string& request_id) {
  return json{
      {"error",
       {{"code", e.code}, {"message", e.what()}, {"requestId", request_id}, {"details", nullptr}}}};
}

Server::Server(Options options)
    : options_(validated(std::move(options))),
      clock_(options_.clock != nullptr ? *options_.clock : SystemClock::instance()),
      receiver_(receiver_behaviour(options_),
                [this](std::chrono::milliseconds d) { return http_.pause(d); }),
      dispatcher_(clock_, [this](std::chrono::milliseconds d) { return http_.pause(d); }) {
  dispatcher_.set_signer(blockchain0x_sign);
  add_payment_routes(*this);
  add_webhook_routes(*this);
  receiver_.mount(http_.http());
  add_fallbacks();
}

Server::~Server() {
  stop();
}

void Server::add(Method method, const std::string& pattern, RouteFlags flags, Handler handler) {
  auto wrapped = [this, flags, handler = std::move(handler)](const httplib::Request& req,
                                                             httplib::Response& res) {
    serve(req, res, flags, handler);
  };
  emukit::add_route(http_.http(), method, pattern, std::move(wrapped));
}

void Server::add_fallbacks() {
  // Registered last: httplib tries patterns in order, so these only catch unknown routes.
  auto unknown = [this](const httplib::Request& req, httplib::Response& res) {
    const ApiError e(404, "resource.not_found", "No such endpoint: " + req.method + " " + req.path);
    if (req.path == "/v1" || req.path.starts_with("/v1/")) {
      serve(req, res, {}, [e](Call&) -> Reply { throw e; });
    } else {
      ++requests_;
      write_error(res, e);
    }
  };
  emukit::add_catch_all(http_.http(), unknown);
  http_.http().set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&,
                                                                         httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413) {
      write_error(res, ApiError(413, "request.invalid", "Request body too large"));
    } else if (res.status >= 500) {
      write_error(res, ApiError(res.status, "internal.unavailable", "Internal error"));
    } else {
      write_error(res, ApiError(res.status, "request.invalid", "The request could not be read"));
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  http_.http().set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        write_error(res, ApiError(500, "internal.unavailable", "Internal error"));
      });
  http_.http().set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
    if (!res.has_header("x-request-id")) res.set_header("x-request-id", new_request_id());
    if (!res.has_header("Date")) res.set_header("Date", emukit::http_date(clock_.wall_now()));
  });
}

void Server::start() {
  http_.start(options_.host, options_.port);
  dispatcher_.start();
}

void Server::stop() {
  http_.stop();  // wakes every pause first
  dispatcher_.stop();
}

std::int64_t Server::unix_now() const {
  return emukit::unix_seconds(clock_.wall_now());
}

Tenant& Server::tenant_of(const Identity& who) {
  auto [it, added] = tenants_.try_emplace(who.api_key);
  if (added) open_tenant(it->second, who.api_key, who.network, unix_now());
  return it->second;
}

size_t Server::payment_count(const std::string& api_key) const {
  std::lock_guard lock(state_mu_);
  auto it = tenants_.find(api_key);
  return it == tenants_.end() ? 0 : it->second.payments.size();
}

std::string Server::register_webhook(const std::string& api_key, const std::string& url,
                                     const std::vector<std::string>& events,
                                     const std::string& secret) {
  std::lock_guard lock(state_mu_);
  const Identity who{api_key, api_key.starts_with("sk_live_") ? "mainnet" : "testnet"};
  return add_webhook(tenant_of(who), url, events, secret, unix_now());
}

void Server::serve(const httplib::Request& req, httplib::Response& res, const RouteFlags& flags,
                   const Handler& handler) {
  ++requests_;
  res.set_header("x-request-id", new_request_id());
  if (has("slow")) http_.pause(options_.slow_delay);
  std::vector<DeliveryJob> outbox;
  try {
    const Identity who = authenticate(req);
    std::pair<int, std::string> answer;
    {
      std::lock_guard lock(state_mu_);
      Tenant& tenant = tenant_of(who);
      const int rate = has("rate-limit-tight") ? 2 : options_.rate_limit_per_s;
      if (auto wait = tenant.bucket.take(rate, clock_.now())) {
        res.set_header("Retry-After", std::to_string(*wait));
        throw ApiError(429, "rate_limit.exceeded",
                       "Rate limit exceeded; retry after " + std::to_string(*wait) + " s");
      }
      if (has("5xx-burst") && tenant.burst_served < options_.burst_5xx) {
        ++tenant.burst_served;
        throw ApiError(503, "internal.unavailable", "A backend dependency is unavailable");
      }
      answer = dispatch(req, tenant, flags, handler, outbox);
    }
    // bad-json: a list answer cut in half is never valid JSON (the object is not closed).
    if (flags.list && has("bad-json")) answer.second.resize(answer.second.size() / 2);
    res.status = answer.first;
    res.set_content(answer.second, "application/json");
  } catch (const ApiError& e) {
    outbox.clear();
    write_error(res, e);
  } catch (const std::exception&) {
    outbox.clear();
    write_error(res, ApiError(500, "internal.unavailable", "Internal error"));
  }
  if (options_.deliver_webhooks) dispatcher_.enqueue(std::move(outbox));
}

std::pair<int, std::string> Server::dispatch(const httplib::Request& req, Tenant& tenant,
                                             const RouteFlags& flags, const Handler& handler,
                                             std::vector<DeliveryJob>& outbox) {
  json body = flags.json_body ? parse_body(req.body) : json();
  std::string key;
  if (flags.idempotent && !has("no-idempotency")) {
    key = req.get_header_value("Idempotency-Key");
    if (key.empty() && flags.key_required) {
      throw ApiError(400, "request.invalid",
                     "Missing Idempotency-Key header: it is mandatory on POST /v1/payments");
    }
    if (key.size() > 255) {
      throw ApiError(400, "request.invalid", "Idempotency-Key is longer than 255 characters");
    }
  }
  std::string fingerprint;
  if (!key.empty()) {
    fingerprint = emukit::request_fingerprint(req.method, req.path, req.body);
    // Check and create happen under one lock, so concurrent retries make one payment.
    if (const auto* e = tenant.idempotency.find(key, clock_.now())) {
      if (e->fingerprint != fingerprint) {
        throw ApiError(409, "idempotency.conflict",
                       "This Idempotency-Key was used with a different request");
      }
      return {e->status, e->body};
    }
  }
  Call call{req, tenant, options_, unix_now(), std::move(body), outbox};
  Reply reply = handler(call);
  std::string text = to_text(reply.body);
  // Only successes are stored: a rejected request may be fixed and retried with the same key.
  if (!key.empty() && reply.status >= 200 && reply.status < 300) {
    tenant.idempotency.store(key, {fingerprint, reply.status, text, clock_.now()});
  }
  return {reply.status, std::move(text)};
}

}  // namespace golive::blockchain0x::emulator::detail
