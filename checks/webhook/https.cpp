#include "checks/webhook/https.hpp"

#include <fmt/format.h>

#include <cctype>

namespace golive::checks {

namespace {

constexpr const char* kTlsFix =
    "serve the receiver over HTTPS with a certificate from a public CA that is valid for the "
    "host, not expired, and sent with its full chain; then set webhook.url to the https:// URL";

bool starts_with_ci(const std::string& text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

CheckInfo WebhookHttps::describe() {
  CheckInfo i = wh::webhook_info("https", "webhooks.https");
  i.title = "The production endpoint is HTTPS with a valid certificate";
  i.environments = {EnvKind::production};
  i.what =
      "webhook.url is an https URL, and a test delivery to it completes a TLS 1.2+ "
      "handshake with certificate and host-name verification; a redirect to plain http "
      "fails.";
  i.why =
      "Deliveries carry account, order and transfer data and a replayable signature; over "
      "plain http or an unverifiable certificate they can be read or forged in transit.";
  i.how_to_fix = kTlsFix;
  return i;
}

WebhookHttps::WebhookHttps(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookHttps::planned_requests(const Target& target) const {
  return wh::planned_delivery(
      target, event_type() + " event, correctly signed, over verified TLS (nothing sent for http)");
}

CheckResult WebhookHttps::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  CheckResult r;
  if (!starts_with_ci(ep->url, "https://")) {
    Evidence e;
    e.label = "webhook.url";
    e.expected = "https://...";
    e.observed = net::redact_url(ep->url);
    r.evidence.push_back(e);
    r.status = Status::fail;
    r.summary = "webhook.url is not https: " + net::redact_url(ep->url);
    r.fix = kTlsFix;
    return r;
  }
  const auto d = wh::make_delivery(*ep, ctx.run_id, "https", event_type(), wh::unix_now(ctx.clock));
  const auto x = wh::post(wh::delivery_client(ctx), *ep, d, wh::delivery_timeout(ctx, *ep));
  r.evidence.push_back(wh::sent_evidence(*ep, d));
  r.evidence.push_back(wh::exchange_evidence(*ep, x, "TLS", "verified handshake"));
  const auto* answer = x.response();
  if (!answer) {
    const auto& err = std::get<net::TransportError>(x.outcome);
    if (err.kind == net::TransportErrorKind::tls) {
      r.status = Status::fail;
      r.summary = "TLS verification failed: " + wh::transport_summary(err);
      r.fix = kTlsFix;
    } else {
      r.status = Status::inconclusive;
      r.summary = "could not reach the endpoint: " + wh::transport_summary(err);
    }
    return r;
  }
  const auto& resp = *answer;
  const std::string tls = resp.tls_version.empty() ? "TLS" : resp.tls_version;
  const auto location = resp.headers.get("location").value_or("");
  if (resp.status >= 300 && resp.status < 400 && starts_with_ci(location, "http://")) {
    r.status = Status::fail;
    r.summary = fmt::format("answered {} redirecting to plain http: {}", resp.status,
                            net::redact_url(location));
    r.fix = "answer deliveries on the https URL itself; never redirect to http";
    return r;
  }
  r.status = Status::pass;
  r.summary = fmt::format("{} with a verified certificate (answered {})", tls, resp.status);
  return r;
}

}  // namespace golive::checks
