#include "engine/provider_api.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "crypto/digest.hpp"
#include "crypto/encoding.hpp"
#include "engine/context.hpp"
#include "net/json_body.hpp"

namespace golive {

namespace {

using std::chrono::milliseconds;

/// The string at the first pointer of `pointers` that resolves to a string (or a number).
std::string first_string(const nlohmann::json& body, const std::vector<std::string>& pointers) {
  for (const auto& p : pointers) {
    try {
      const nlohmann::json::json_pointer ptr(p);
      if (!body.contains(ptr)) continue;
      const auto& v = body.at(ptr);
      if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
      if (v.is_number_integer()) return std::to_string(v.get<long long>());
    } catch (const nlohmann::json::exception&) {
      continue;  // a pointer that does not fit this body's shape
    }
  }
  return "";
}

const Secret* credential(const Target& t, const std::string& name) {
  auto it = t.credentials.find(name);
  if (it == t.credentials.end() || !it->second.secret || it->second.secret->empty()) {
    return nullptr;
  }
  return &*it->second.secret;
}

std::string join_url(const std::string& base_url, const std::string& path_and_query) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path_and_query;
}

}  // namespace

ApiError read_api_error(const ProviderPack& pack, const nlohmann::json& body) {
  ApiError e;
  if (!body.is_object()) return e;
  const auto& s = pack.errors;
  e.code = first_string(body, s.code);
  e.message = first_string(body, s.message);
  e.detail = first_string(body, s.detail);
  e.type = first_string(body, s.type);
  e.param = first_string(body, s.param);
  e.request_id = first_string(body, s.request_id);
  if (e.request_id.empty()) e.request_id = first_string(body, pack.request_id.body);
  e.found = !e.code.empty() || !e.message.empty();
  return e;
}

ApiError read_api_error(const ProviderPack& pack, const net::Response& response) {
  auto parsed = net::parse_json_body(response);
  return parsed.value ? read_api_error(pack, *parsed.value) : ApiError{};
}

std::string request_id_of(const ProviderPack& pack, const net::Response& response) {
  if (!pack.request_id.header.empty()) {
    if (auto h = response.headers.get(pack.request_id.header); h && !h->empty()) return *h;
  }
  if (!response.request_id.empty()) return response.request_id;
  if (pack.request_id.body.empty() && pack.errors.request_id.empty()) return "";
  return read_api_error(pack, response).request_id;
}

void stamp_request_id(const ProviderPack& pack, net::Exchange& x) {
  auto* resp = std::get_if<net::Response>(&x.outcome);
  if (resp == nullptr || !resp->request_id.empty()) return;
  if (pack.request_id.body.empty() && pack.errors.request_id.empty()) return;
  resp->request_id = redact(read_api_error(pack, *resp).request_id);
  if (!x.attempts.empty() && x.attempts.back().request_id.empty()) {
    x.attempts.back().request_id = resp->request_id;
  }
}

std::string token_request_authorization(const Secret& credential) {
  return "Basic " + credential.reveal();
}

namespace {

TokenCache::Outcome outcome_of(const CachedToken& c, bool sent_now) {
  TokenCache::Outcome out;
  out.token = c.token;
  out.sent = c.exchange;
  out.sent_now = sent_now;
  out.why = c.why;
  return out;
}

/// How long a token of `lifetime_s` is used: renewed `refresh_before_s` early, or half its
/// lifetime early when that is shorter (so a short-lived token is not renewed on every request).
/// Without a lifetime the token is kept for the run.
std::chrono::seconds usable_for(long long lifetime_s, int refresh_before_s) {
  if (lifetime_s <= 0) return std::chrono::hours(24 * 365);
  return std::chrono::seconds(lifetime_s - std::min<long long>(refresh_before_s, lifetime_s / 2));
}

}  // namespace

TokenCache::Outcome TokenCache::get(const ProviderPack& pack, const Target& target,
                                    net::HttpClient& http, milliseconds timeout) {
  const auto& spec = pack.auth.token;
  const Secret* key = credential(target, spec.credential);
  if (key == nullptr) {
    Outcome out;
    out.why = "credential " + spec.credential + " is not resolved";
    return out;
  }
  const std::string cache_key =
      target.base_url + "\n" + crypto::sha256_hex(key->reveal()) + "\n" + spec.scope;
  // One lock for the whole exchange: concurrent checks wait for one token request.
  std::lock_guard lock(mu_);
  const auto now = clock_.now();
  if (auto it = tokens_.find(cache_key);
      it != tokens_.end() && (!it->second.token || now < it->second.expires)) {
    return outcome_of(it->second, false);
  }
  if (auto refused = over_token_limit(pack, now)) {
    Outcome out;
    out.why = *refused;
    return out;
  }
  net::Request req;
  req.method = "POST";
  req.url = join_url(target.base_url, spec.path);
  req.headers.set("Authorization", token_request_authorization(*key));
  req.headers.set("Content-Type", "application/x-www-form-urlencoded");
  req.headers.set("Accept", "application/json");
  for (const auto& [name, value] : spec.headers) req.headers.set(name, value);
  req.body = "scope=" + spec.scope;
  req.timeout = timeout;
  req.connect_timeout = std::min(milliseconds(5000), timeout);
  ++sent_;
  sent_at_.push_back(now);
  CachedToken c{std::nullopt, now, http.send(req), ""};
  stamp_request_id(pack, c.exchange);
  const auto* resp = c.exchange.response();
  if (resp == nullptr || resp->status != 200) {
    c.why = resp == nullptr ? "token request failed: " + c.exchange.error()->message
                            : fmt::format("token request answered {}", resp->status);
    return outcome_of(tokens_[cache_key] = std::move(c), true);
  }
  auto parsed = net::parse_json_body(*resp);
  std::string token;
  long long lifetime = 0;
  if (parsed.value && parsed.value->is_object()) {
    token = parsed.value->value(spec.token_field, std::string());
    const auto& exp = (*parsed.value)[spec.expires_field];
    if (exp.is_number_integer()) lifetime = exp.get<long long>();
  }
  if (token.empty()) {
    c.why = "token answer carries no " + spec.token_field;
    return outcome_of(tokens_[cache_key] = std::move(c), true);
  }
  c.token = Secret(token, "token exchange " + spec.scope);  // registers every form (§10)
  c.expires = now + usable_for(lifetime, spec.refresh_before_s);
  return outcome_of(tokens_[cache_key] = std::move(c), true);
}

std::optional<std::string> TokenCache::over_token_limit(const ProviderPack& pack,
                                                        std::chrono::steady_clock::time_point now) {
  for (const auto& l : pack.rate_limits) {
    if (l.scope != "token" || l.limit <= 0) continue;
    const auto window = std::chrono::seconds(l.per_s);
    while (!sent_at_.empty() && now - sent_at_.front() >= window) sent_at_.pop_front();
    if (static_cast<int>(sent_at_.size()) >= l.limit) {
      return fmt::format(
          "token request not sent: this run already sent {} within {} s, {}'s "
          "published limit",
          sent_at_.size(), l.per_s, pack.display_name);
    }
  }
  return std::nullopt;
}

int TokenCache::requests_sent() const {
  std::lock_guard lock(mu_);
  return sent_;
}

ProviderApi::ProviderApi(const ProviderPack& pack, const Target& target, net::HttpClient& http,
                         TokenCache* tokens, milliseconds timeout)
    : pack_(pack), target_(target), http_(http), tokens_(tokens), timeout_(timeout) {}

ProviderApi::ProviderApi(const CheckContext& ctx)
    : ProviderApi(ctx.provider, ctx.target, ctx.http, ctx.tokens,
                  std::max(milliseconds(1),
                           std::min(milliseconds(std::max(1, ctx.profile().http.timeout_s) * 1000L),
                                    ctx.time_left()))) {}

std::string ProviderApi::missing_credential() const {
  for (const auto& name : pack_.auth_credentials()) {
    if (credential(target_, name) == nullptr) return name;
  }
  return "";
}

std::string ProviderApi::url(const std::string& path_and_query) const {
  return join_url(target_.base_url, path_and_query);
}

net::Request ProviderApi::request(const std::string& method,
                                  const std::string& path_and_query) const {
  net::Request req;
  req.method = method;
  req.url = url(path_and_query);
  req.headers.set("Accept", "application/json");
  for (const auto& h : pack_.headers) {
    const auto& value = h.value_for(target_.profile.kind);
    if (!value.empty()) req.headers.set(h.name, value);
  }
  req.timeout = timeout_;
  req.connect_timeout = std::min(milliseconds(5000), timeout_);
  return req;
}

std::optional<TokenCache::Outcome> ProviderApi::authorize(net::Request& request) {
  switch (pack_.auth.strategy) {
    case AuthStrategy::basic: {
      const Secret* user = credential(target_, pack_.auth.user);
      const Secret* password = credential(target_, pack_.auth.password);
      if (user != nullptr && password != nullptr) request.auth = net::BasicAuth{*user, *password};
      return std::nullopt;
    }
    case AuthStrategy::bearer: {
      if (const Secret* token = credential(target_, pack_.auth.credential)) {
        request.headers.set("Authorization", "Bearer " + token->reveal());
      }
      return std::nullopt;
    }
    case AuthStrategy::token_exchange: {
      if (tokens_ == nullptr) {
        TokenCache::Outcome o;
        o.why = "no token cache in this run";
        return o;
      }
      auto o = tokens_->get(pack_, target_, http_, timeout_);
      if (!o.token) return o;
      request.headers.set("Authorization", "Bearer " + o.token->reveal());
      return std::nullopt;
    }
  }
  return std::nullopt;
}

net::Exchange ProviderApi::send(net::Request request) {
  if (auto failed = authorize(request)) {
    if (failed->sent) return std::move(*failed->sent);
    return net::Exchange{net::TransportError{net::TransportErrorKind::policy, failed->why}, {}};
  }
  auto x = http_.send(request);
  stamp_request_id(pack_, x);
  return x;
}

}  // namespace golive
