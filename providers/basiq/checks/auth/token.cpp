#include "providers/basiq/checks/auth/token.hpp"

#include <fmt/format.h>

#include "core/secret.hpp"
#include "engine/provider_api.hpp"
#include "net/json_body.hpp"
#include "providers/basiq/key.hpp"

namespace golive::checks {

namespace {

constexpr int kLifetimeS = 3600;

/// Why a 400 answered, from the error's parameter and the key's shape (the key never printed).
std::string why_400(const ApiError& e, const Secret* key) {
  if (key != nullptr && basiq::key_encoded_twice(key->reveal())) {
    return "the API key in the profile is base64-encoded once more than issued (the key is "
           "already encoded and is sent exactly as issued)";
  }
  if (e.param == "basiq-version") return "the basiq-version header is missing or unsupported";
  if (e.param == "Authorization") return "the Authorization header is missing or malformed";
  return "a required header (Authorization or basiq-version) or the scope is missing or invalid";
}

std::string fix_400(const std::string& why) {
  if (why.find("encoded") != std::string::npos) {
    return "store the API key exactly as the Basiq dashboard issued it (do not base64 it again)";
  }
  return "send Authorization: Basic <API key as issued>, basiq-version: 3.0 and the form body "
         "scope=SERVER_ACCESS";
}

/// The result for a non-200 token answer.
CheckResult failed(const CheckContext& ctx, const net::Exchange& x, const net::Response& resp,
                   const std::string& label, const std::string& expected, const Secret* key) {
  const auto e = read_api_error(ctx.provider, resp);
  CheckResult r = api::grade_unexpected(ctx, x, label, expected);
  const bool production = ctx.profile().kind == EnvKind::production;
  switch (resp.status) {
    case 400: {
      const auto why = why_400(e, key);
      r.status = Status::fail;
      r.summary += ": " + why;
      r.fix = fix_400(why);
      break;
    }
    case 403:
      r.status = Status::fail;
      if (e.code == "request-not-valid" || e.message == "Invalid request") {
        r.summary += ": too many token requests from this IP address within 5 minutes";
        r.fix =
            "cache the token for its hour and reuse it (never one token per request); wait "
            "5 minutes before retrying";
      } else {
        r.summary += ": the Basiq account is disabled";
        r.fix = "ask Basiq Customer Success (support@basiq.io) why the account is disabled";
      }
      break;
    case 404:
      r.status = Status::fail;
      r.summary += production ? ": the API key is unknown — mistyped, deleted, or a sandbox "
                                "application's key used against the live application"
                              : ": the API key is unknown — mistyped, or its application deleted";
      r.fix =
          "set api_key to a current key of this environment's application (Basiq dashboard, "
          "Applications); live data needs the live application's key";
      break;
    case 429:
      r.summary += ": Basiq's rate limit (1,500 token requests per 5 minutes) was reached";
      r.fix = "retry later; the partner's own clients must cache tokens for their hour";
      break;
    default:
      break;
  }
  // The envelope's title, as Basiq words it (e.g. "Invalid request"), beside the code's meaning.
  if (!e.message.empty()) r.summary += fmt::format(" (Basiq: \"{}\")", redact(e.message));
  return r;
}

}  // namespace

CheckInfo AuthToken::describe() {
  CheckInfo i;
  i.id = "auth.token";
  i.title = "The API key exchanges for a one-hour SERVER_ACCESS token";
  i.checklist_items = {"cutover.credentials"};
  i.side_effect = SideEffect::read_only;
  i.what =
      "The run's one POST /token (Authorization: Basic <API key as issued>, basiq-version: 3.0, "
      "scope=SERVER_ACCESS) answers 200 with an access_token, token_type Bearer and expires_in "
      "3600. The token is cached and reused by every other check of the run.";
  i.why =
      "Every Basiq request needs this token; a key that does not exchange (wrong application, "
      "disabled account, re-encoded key, too many token requests) stops the whole integration.";
  i.how_to_fix =
      "Follow the failure's explanation: 400 — send the key as issued with basiq-version; 403 — "
      "disabled account, or cache tokens instead of requesting one per call; 404 — use this "
      "application's current key.";
  i.doc = "providers/basiq/checks/auth/token.md";
  i.providers = {"basiq"};
  return i;
}

AuthToken::AuthToken(CheckOptions&) {}

std::vector<PlannedRequest> AuthToken::planned_requests(const Target& target) const {
  // The token request is one request, whichever check sends it first; planned here once.
  PlannedRequest p = api::planned_get(target, "/token",
                                      "token exchange, scope=SERVER_ACCESS: one per run, cached");
  p.method = "POST";
  return {p};
}

CheckResult AuthToken::run(CheckContext& ctx) {
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  const auto& spec = ctx.provider.auth.token;
  const std::string label = "POST " + spec.path;
  const std::string expected = fmt::format("200, token_type Bearer, expires_in {}", kLifetimeS);
  CheckResult r;
  if (ctx.tokens == nullptr) {
    r.status = Status::inconclusive;
    r.summary = "this run has no token cache, so no token was requested";
    r.fix = "run through `bluum-golive check`";
    return r;
  }
  const auto timeout = std::max(
      std::chrono::milliseconds(1),
      std::min(std::chrono::milliseconds(std::max(1, ctx.profile().http.timeout_s) * 1000L),
               ctx.time_left()));
  const auto outcome = ctx.tokens->get(ctx.provider, ctx.target, ctx.http, timeout);
  if (!outcome.sent) {
    r.status = Status::inconclusive;
    r.summary = outcome.why;
    r.fix = "see credentials.present";
    return r;
  }
  const auto& x = *outcome.sent;
  const auto* resp = x.response();
  const Secret* key = ctx.credential(spec.credential);
  if (resp == nullptr || resp->status != 200) {
    if (resp == nullptr) return api::grade_unexpected(ctx, x, label, expected);
    return failed(ctx, x, *resp, label, expected, key);
  }
  const auto body = net::parse_json_body(*resp);
  const nlohmann::json empty = nlohmann::json::object();
  const auto& b = body.value && body.value->is_object() ? *body.value : empty;
  const bool has_token = b.contains(spec.token_field) && b[spec.token_field].is_string() &&
                         !b[spec.token_field].get<std::string>().empty();
  const std::string type = b.contains("token_type") && b["token_type"].is_string()
                               ? b["token_type"].get<std::string>()
                               : "";
  const long long lifetime =
      b.contains(spec.expires_field) && b[spec.expires_field].is_number_integer()
          ? b[spec.expires_field].get<long long>()
          : -1;
  const auto observed = fmt::format(
      "200, {}, token_type {}, expires_in {}", has_token ? "an access_token" : "no access_token",
      type.empty() ? "missing" : type,
      lifetime < 0 ? std::string("missing") : std::to_string(lifetime));
  r.evidence = api::exchange_evidence(x, label, expected, observed);
  if (!has_token || type != "Bearer") {
    r.status = Status::fail;
    r.summary = fmt::format("{} answered {}; a Bearer access_token is expected", label, observed);
    r.fix = "check base_url points at Basiq's API (https://au-api.basiq.io), not a proxy";
    return r;
  }
  if (lifetime != kLifetimeS) {
    r.status = Status::warn;
    r.summary = fmt::format(
        "{} answered a Bearer token that lasts {} s, not the documented {} s: a client that "
        "assumes an hour will use expired tokens",
        label, lifetime < 0 ? std::string("an unknown time") : std::to_string(lifetime),
        kLifetimeS);
    r.fix = "renew tokens from expires_in, not from a fixed hour";
    return r;
  }
  r.status = Status::pass;
  r.summary =
      fmt::format("{} answered a Bearer token valid for {} s ({} token request(s) this run)", label,
                  lifetime, ctx.tokens->requests_sent());
  return r;
}

}  // namespace golive::checks
