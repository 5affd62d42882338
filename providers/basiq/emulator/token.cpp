/// POST /token: Basiq's token exchange with its documented failures (shared reference
/// seed-apis.md §3.2-3.4), in the order the emulator tests them.
#include "emukit/util.hpp"
#include "providers/basiq/emulator/server.hpp"
#include "providers/basiq/key.hpp"

namespace golive::basiq::emulator::detail {

namespace {

bool supported_version(const std::string& v) {
  return v == "2.0" || v == "2.1" || v == "3.0";
}

/// The API key of `Authorization: Basic <key>`; throws the documented 400s.
std::string api_key_of(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  if (header.empty()) {
    throw ApiError(400, "parameter-not-supplied", "Missing authorization header",
                   "Send Authorization: Basic <API key as issued>.", "Authorization");
  }
  static constexpr std::string_view kBasic = "Basic ";
  if (header.size() <= kBasic.size() || header.compare(0, kBasic.size(), kBasic) != 0) {
    throw ApiError(400, "parameter-not-valid", "Invalid authorization header",
                   "POST /token takes Authorization: Basic <API key as issued>.", "Authorization");
  }
  std::string key = header.substr(kBasic.size());
  if (key_encoded_twice(key)) {
    throw ApiError(400, "parameter-not-valid", "Invalid authorization header",
                   "The API key is already encoded: send it exactly as issued, without encoding "
                   "it again.",
                   "Authorization");
  }
  return key;
}

void check_version(const httplib::Request& req) {
  const std::string version = req.get_header_value("basiq-version");
  if (version.empty()) {
    throw ApiError(400, "parameter-not-supplied", "Missing basiq-version header",
                   "POST /token needs the basiq-version header, e.g. 3.0.", "basiq-version");
  }
  if (!supported_version(version)) {
    throw ApiError(400, "parameter-not-valid", "Unsupported basiq-version",
                   "basiq-version " + version + " is not supported; use 3.0.", "basiq-version");
  }
}

}  // namespace

void Server::token(const httplib::Request& req, httplib::Response& res) {
  ++requests_;
  ++token_requests_;
  if (has("slow")) http_.pause(options_.slow_delay);
  try {
    std::lock_guard lock(state_mu_);
    if (has("token-too-many-requests")) {
      res.set_header("Retry-After", "60");
      throw ApiError(429, "too-many-requests", "Too many requests",
                     "The token endpoint's rate limit was reached; retry later.");
    }
    auto& window = token_window_[req.remote_addr];
    if (has("token-ip-limited") ||
        window.take(options_.token_limit, options_.token_window, clock_.now())) {
      throw ApiError(403, "request-not-valid", "Invalid request",
                     "Too many token requests from this IP address within 5 minutes.");
    }
    const std::string key = api_key_of(req);
    check_version(req);
    if (has("key-deleted") || (options_.api_key && *options_.api_key != key)) {
      throw ApiError(404, "resource-not-found", "Unable to authenticate",
                     "No application has this API key (deleted, mistyped, or the key of another "
                     "application).");
    }
    if (has("account-disabled")) {
      throw ApiError(403, "forbidden-access", "Account disabled",
                     "This account is disabled; contact Basiq Customer Success.");
    }
    httplib::Params form;
    httplib::detail::parse_query_text(req.body, form);
    const auto scope = form.find("scope");
    if (scope == form.end() || scope->second.empty()) {
      throw ApiError(400, "parameter-not-supplied", "Missing scope",
                     "Send the form body scope=SERVER_ACCESS (or CLIENT_ACCESS&userId=...).",
                     "scope");
    }
    if (scope->second != "SERVER_ACCESS" && scope->second != "CLIENT_ACCESS") {
      throw ApiError(400, "parameter-not-valid", "Invalid scope",
                     "scope must be SERVER_ACCESS or CLIENT_ACCESS.", "scope");
    }
    std::string user_id;
    if (scope->second == "CLIENT_ACCESS") {
      auto u = form.find("userId");
      if (u == form.end() || u->second.empty()) {
        throw ApiError(400, "parameter-not-supplied", "Missing userId",
                       "A CLIENT_ACCESS token is bound to a userId.", "userId");
      }
      user_id = u->second;
    }
    const int lifetime = has("token-short-lived") ? 600 : options_.token_lifetime_s;
    const std::string token = "eyJ" + emukit::random_base32(60);
    grants_[token] =
        Grant{key, scope->second, user_id, clock_.now() + std::chrono::seconds(lifetime)};
    issued_.push_back(token);
    tenants_[key].api_key = key;
    res.status = 200;
    res.set_content(
        to_text({{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", lifetime}}),
        "application/json");
  } catch (const ApiError& e) {
    reply_error(res, e);
  }
}

}  // namespace golive::basiq::emulator::detail
