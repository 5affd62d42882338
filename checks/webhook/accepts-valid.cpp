#include "checks/webhook/accepts-valid.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace golive::checks {

namespace {

constexpr const char* kAckFix =
    "acknowledge with 2xx as soon as the signature is verified and process the event "
    "asynchronously (queue it); never do slow work before answering";

std::string accept_fix(const std::string& event_type) {
  return fmt::format(
      "accept deliveries signed with this profile's secret and scheme (check that the receiver "
      "uses the same secret and scheme as webhook.secret and webhook.scheme) and answer 2xx to "
      "event types you do not handle, such as {}",
      event_type);
}

}  // namespace

CheckInfo WebhookAcceptsValid::describe() {
  CheckInfo i = wh::webhook_info("accepts-valid", "webhooks.fast-ack");
  i.title = "Valid deliveries are acknowledged within the budget";
  i.what =
      "Posts a test event correctly signed with the profile's secret and scheme and "
      "expects a 2xx answer within webhook.response_budget_s seconds; the measured latency "
      "is the evidence.";
  i.why =
      "Deliveries answered late or with an error are retried and eventually disabled; a "
      "receiver that rejects valid signatures drops every real event.";
  i.how_to_fix = kAckFix;
  return i;
}

WebhookAcceptsValid::WebhookAcceptsValid(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookAcceptsValid::planned_requests(const Target& target) const {
  return wh::planned_delivery(
      target, event_type() + " event, correctly signed: expects 2xx within response_budget_s");
}

CheckResult WebhookAcceptsValid::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  const auto d = wh::make_delivery(*ep, ctx.run_id, "valid", event_type(), wh::unix_now(ctx.clock));
  const auto budget = std::chrono::milliseconds(ep->response_budget_s * 1000L);
  const auto timeout = wh::delivery_timeout(ctx, *ep);
  const auto started = ctx.clock.now();
  const auto x = wh::post(wh::delivery_client(ctx), *ep, d, timeout);
  const auto waited =
      std::chrono::duration_cast<std::chrono::milliseconds>(ctx.clock.now() - started);

  CheckResult r;
  r.evidence.push_back(wh::sent_evidence(*ep, d));
  r.evidence.push_back(wh::exchange_evidence(
      *ep, x, "answer", fmt::format("2xx within {} s", ep->response_budget_s)));
  const auto* answer = x.response();
  if (!answer) {
    const auto& err = std::get<net::TransportError>(x.outcome);
    const bool timed_out = err.kind == net::TransportErrorKind::timeout;
    if (timed_out && waited >= budget) {
      r.status = Status::fail;
      r.summary = fmt::format("no answer within the {} s budget (gave up after {} ms)",
                              ep->response_budget_s, waited.count());
      r.fix = kAckFix;
    } else if (timed_out && timeout < budget) {
      r.status = Status::inconclusive;
      r.summary = fmt::format(
          "the check's time ran out after {} ms, before the {} s budget; raise "
          "checks.webhook.accepts-valid.timeout_s above webhook.response_budget_s",
          waited.count(), ep->response_budget_s);
    } else if (net::is_inconclusive(err.kind)) {
      r.status = Status::inconclusive;
      r.summary = "could not deliver the test event: " + wh::transport_summary(err);
    } else {
      r.status = Status::fail;
      r.summary = "the test event could not be delivered: " + wh::transport_summary(err);
      r.fix = "make the endpoint answer HTTP over a verified TLS connection (see webhook.https)";
    }
    return r;
  }
  const auto& resp = *answer;
  const auto latency = std::max(resp.latency, std::chrono::milliseconds(0));
  const auto kind = wh::classify(resp.status);
  if (kind == wh::Answer::unusable) {
    // A timeout, size or rate limit answer says nothing about how valid deliveries are handled.
    r.status = Status::inconclusive;
    r.summary = fmt::format("a correctly signed {} event was answered {}: {}", event_type(),
                            resp.status, wh::inconclusive_reason(resp.status));
  } else if (kind != wh::Answer::accepted) {
    r.status = Status::fail;
    r.summary =
        fmt::format("a correctly signed {} event was answered {} (in {} ms){}", event_type(),
                    resp.status, latency.count(),
                    kind == wh::Answer::not_served ? ": the URL does not serve deliveries" : "");
    r.fix = kind == wh::Answer::not_served
                ? "set webhook.url to the receiver's exact URL, the one registered with the "
                  "provider, and make that route accept POST"
                : accept_fix(event_type());
  } else if (latency > budget) {
    r.status = Status::fail;
    r.summary = fmt::format("answered {} after {} ms, over the {} s budget", resp.status,
                            latency.count(), ep->response_budget_s);
    r.fix = kAckFix;
  } else {
    r.status = Status::pass;
    r.summary = fmt::format("answered {} in {} ms (budget {} s)", resp.status, latency.count(),
                            ep->response_budget_s);
  }
  return r;
}

}  // namespace golive::checks
