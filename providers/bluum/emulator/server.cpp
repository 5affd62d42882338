#include "providers/bluum/emulator/server.hpp"

#include <fmt/format.h>

namespace golive::bluum::emulator::detail {

namespace {

constexpr std::chrono::seconds k_ready_timeout{5};

std::string new_request_id() {
  return "req_" + random_base32(24);
}

void write_error(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  if (e.status == 401) res.set_header("WWW-Authenticate", "Basic realm=\"Bluum\"");
  res.set_content(to_text(error_body(e)), "application/json");
}

json parse_body(const std::string& text) {
  if (text.empty()) return json::object();
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded()) throw ApiError(400, "BLUM-400-001", "Request body is not valid JSON");
  if (!body.is_object()) throw ApiError(400, "BLUM-400-001", "Request body must be a JSON object");
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
    // Just over the 30 s answer budget of SPEC §6 unless a test asks for less.
    b.delay = o.receiver_delay.count() > 0 ? o.receiver_delay : std::chrono::milliseconds(31'000);
  }
  return b;
}

}  // namespace

Server::Server(Options options)
    : options_(validated(std::move(options))),
      clock_(options_.clock != nullptr ? *options_.clock : SystemClock::instance()),
      receiver_(receiver_behaviour(options_),
                [this](std::chrono::milliseconds d) { return pause(d); }),
      dispatcher_(clock_, [this](std::chrono::milliseconds d) { return pause(d); }) {
  add_asset_routes(*this);
  add_investor_routes(*this);
  add_transfer_routes(*this);
  add_order_routes(*this);
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
    const ApiError e(404, "BLUM-404-002", "No such endpoint: " + req.method + " " + req.path);
    if (req.path == "/v1" || req.path.starts_with("/v1/")) {
      serve(req, res, {}, [e](Call&) -> Reply { throw e; });
    } else {
      ++requests_;
      write_error(res, e);
    }
  };
  emukit::add_catch_all(http_.http(), unknown);
  // Errors httplib produces itself (413, malformed requests) still get the envelope.
  http_.http().set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        // A code's status is always the HTTP status (BLUM-{status}-{seq}); documented codes
        // where one exists, else sequence 001 of the status (emulator README, "Errors").
        if (res.status == 413) {
          // Bluum documents "body too large" as BLUM-400-008: answered as a 400.
          write_error(res, ApiError(400, "BLUM-400-008", "Request body too large (max 10 MB)"));
        } else if (res.status == 404) {
          write_error(res, ApiError(404, "BLUM-404-002", "No such endpoint"));
        } else if (res.status >= 500) {
          write_error(
              res, ApiError(res.status, fmt::format("BLUM-{}-001", res.status), "Internal error"));
        } else {
          write_error(res, ApiError(res.status, fmt::format("BLUM-{}-001", res.status),
                                    "The request could not be read"));
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_.http().set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
        write_error(res, ApiError(500, "BLUM-500-001", "Internal error"));
      });
  // Every response, whatever produced it, carries X-Request-Id and Date.
  http_.http().set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
    if (!res.has_header("X-Request-Id")) res.set_header("X-Request-Id", new_request_id());
    if (!res.has_header("Date")) res.set_header("Date", http_date(clock_.wall_now()));
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

size_t Server::count(const std::string& api_key, Collection Tenant::*kind) const {
  std::lock_guard lock(state_mu_);
  size_t n = 0;
  for (const auto& [key, tenant] : tenants_) {
    if (tenant.api_key == api_key) n += (tenant.*kind).size();
  }
  return n;
}

void Server::serve(const httplib::Request& req, httplib::Response& res, const RouteFlags& flags,
                   const Handler& handler) {
  ++requests_;
  res.set_header("X-Request-Id", new_request_id());
  if (has("slow")) pause(options_.slow_delay);
  std::vector<DeliveryJob> outbox;
  try {
    const Identity who = authenticate(req);
    std::pair<int, std::string> answer;
    {
      std::lock_guard lock(state_mu_);
      Tenant& tenant = tenants_[who.tenant_key];
      tenant.api_key = who.api_key;
      const int rate = has("rate-limit-tight") ? 2 : options_.rate_limit_per_s;
      if (auto wait = tenant.bucket.take(rate, clock_.now())) {
        res.set_header("Retry-After", std::to_string(*wait));
        throw ApiError(
            429, "BLUM-429-001",
            "Rate limit exceeded: " + std::to_string(rate) + " requests per second per key pair");
      }
      if (has("5xx-burst") && tenant.burst_served < options_.burst_5xx) {
        ++tenant.burst_served;
        throw ApiError(503, "BLUM-503-001", "Service temporarily unavailable; retry later");
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
    write_error(res, ApiError(500, "BLUM-500-001", "Internal error"));
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
      throw ApiError(400, "BLUM-400-002",
                     "Missing Idempotency-Key header: required on deposits and withdrawals",
                     "Idempotency-Key");
    }
    if (key.size() > 255) {
      throw ApiError(400, "BLUM-400-003", "Idempotency-Key is longer than 255 characters",
                     "Idempotency-Key");
    }
  }
  std::string fingerprint;
  if (!key.empty()) {
    fingerprint = emukit::request_fingerprint(req.method, req.path, req.body);
    // Check and create happen under one lock, so concurrent retries make one resource.
    if (const auto* e = tenant.idempotency.find(key, clock_.now())) {
      if (e->fingerprint != fingerprint) {
        throw ApiError(409, "BLUM-409-002",
                       "Idempotency conflict: this Idempotency-Key was used with a different "
                       "request",
                       "Idempotency-Key");
      }
      return {e->status, e->body};
    }
  }
  const auto unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.wall_now().time_since_epoch())
          .count();
  Call call{req, tenant, options_, unix_now, std::move(body), outbox};
  Reply reply = handler(call);
  std::string text = to_text(reply.body);
  // Only successes are stored: a rejected request may be fixed and retried with the same key.
  if (!key.empty() && reply.status >= 200 && reply.status < 300) {
    tenant.idempotency.store(key, {fingerprint, reply.status, text, clock_.now()});
  }
  return {reply.status, std::move(text)};
}

}  // namespace golive::bluum::emulator::detail
