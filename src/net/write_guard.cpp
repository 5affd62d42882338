#include "net/write_guard.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace golive::net {

namespace {
bool listed(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

/// True when a header of `request` (or its Basic auth) holds `value`.
bool carries(const Request& request, const std::string& value) {
  if (value.empty()) return false;
  if (request.auth &&
      (request.auth->user.reveal() == value || request.auth->password.reveal() == value)) {
    return true;
  }
  for (const auto& [name, header] : request.headers.all()) {
    if (header.find(value) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

bool ProtectedTargets::covers(const Url& url) const {
  return listed(hosts, url.canonical_host) || listed(authorities, url.canonical_authority());
}

bool ProtectedTargets::carries_credential(const Request& request) const {
  return std::any_of(credentials.begin(), credentials.end(),
                     [&](const Secret& c) { return carries(request, c.reveal()); });
}

void ProtectedTargets::add_base_url(const Url& url) {
  auto& list = url.host_kind == HostKind::loopback ? authorities : hosts;
  const auto value =
      url.host_kind == HostKind::loopback ? url.canonical_authority() : url.canonical_host;
  if (!listed(list, value)) list.push_back(value);
}

bool ProtectedTargets::is_token_endpoint(const Url& url) const {
  return !url.has_query && listed(token_endpoints, url.canonical_authority() + url.path);
}

bool is_read_method(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

std::optional<std::string> WriteGuard::vet(const Request& request) {
  if (is_read_method(request.method)) return std::nullopt;
  const auto parsed = parse_url(request.url);
  if (!parsed.ok()) return std::nullopt;
  if (request.method == "POST" && targets_.is_token_endpoint(*parsed.url)) return std::nullopt;
  const bool credential = targets_.carries_credential(request);
  const bool token = !credential && carries_learned(request);
  if (!credential && !token && !targets_.covers(*parsed.url)) return std::nullopt;
  GuardTrip trip{request.origin, request.method, redact_url(request.url)};
  std::string message = fmt::format(
      "refusing to send: {} toward {} {}, sent by {} (only GET, HEAD and OPTIONS may go there: "
      "SPEC §5 write guard)",
      trip.method,
      credential ? "with the credentials of a production target,"
      : token    ? "with a token issued for a production target's credentials,"
                 : "production target",
      parsed.url->canonical_authority(),
      trip.origin.empty() ? std::string("an unknown caller") : trip.origin);
  std::lock_guard lock(mu_);
  trips_.push_back(std::move(trip));
  return message;
}

bool WriteGuard::carries_learned(const Request& request) const {
  std::lock_guard lock(mu_);
  return std::any_of(learned_.begin(), learned_.end(),
                     [&](const Secret& t) { return carries(request, t.reveal()); });
}

void WriteGuard::learn(const Request& request, const Exchange& answer) {
  if (request.method != "POST" || targets_.token_fields.empty()) return;
  const Response* res = answer.response();
  if (res == nullptr || res->status / 100 != 2) return;
  const auto parsed = parse_url(request.url);
  if (!parsed.ok() || !targets_.is_token_endpoint(*parsed.url)) return;
  if (!targets_.carries_credential(request)) return;
  const auto body = nlohmann::json::parse(res->body, nullptr, false);
  if (!body.is_object()) return;
  std::lock_guard lock(mu_);
  for (const auto& field : targets_.token_fields) {
    auto it = body.find(field);
    if (it == body.end() || !it->is_string() || it->get<std::string>().empty()) continue;
    learned_.emplace_back(it->get<std::string>(), "token issued for a production credential");
  }
}

std::vector<GuardTrip> WriteGuard::trips() const {
  std::lock_guard lock(mu_);
  return trips_;
}

Exchange GuardedClient::send(const Request& request) {
  auto why = guard_.vet(request);
  if (!why) {
    Exchange answer = inner_.send(request);
    guard_.learn(request, answer);
    return answer;
  }
  Attempt attempt;
  attempt.method = request.method;
  attempt.url = redact_url(request.url);
  attempt.error = "policy: " + *why;
  return Exchange{TransportError{TransportErrorKind::policy, *why}, {std::move(attempt)}};
}

Exchange OriginClient::send(const Request& request) {
  if (request.origin == origin_) return inner_.send(request);
  Request stamped = request;
  stamped.origin = origin_;
  return inner_.send(stamped);
}

}  // namespace golive::net
