#include "checks/webhook/events.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace golive::checks {

namespace {

/// One sample's grade: its status and a short phrase for the summary.
struct Outcome {
  Status status = Status::pass;
  std::string phrase;
};

Outcome grade(const CheckContext& ctx, const wh::Endpoint& ep, const wh::Delivery& d,
              const net::Exchange& x, Evidence& control) {
  const auto budget = std::chrono::milliseconds(ep.response_budget_s * 1000L);
  const auto* resp = x.response();
  if (!resp) {
    const auto& err = std::get<net::TransportError>(x.outcome);
    const bool inconclusive =
        err.kind == net::TransportErrorKind::timeout || net::is_inconclusive(err.kind);
    return {inconclusive ? Status::inconclusive : Status::fail,
            fmt::format("{}: no answer ({})", d.event_type, wh::transport_summary(err))};
  }
  const int status = resp->status;
  const auto latency = std::max(resp->latency, std::chrono::milliseconds(0));
  switch (wh::classify(status)) {
    case wh::Answer::accepted:
      if (latency > budget) {
        return {Status::fail, fmt::format("{}: {} after {} ms, over the {} s budget", d.event_type,
                                          status, latency.count(), ep.response_budget_s)};
      }
      return {Status::pass, fmt::format("{}: {} in {} ms", d.event_type, status, latency.count())};
    case wh::Answer::crashed:
      return {Status::fail,
              fmt::format("{}: {} (the receiver failed on a real event)", d.event_type, status)};
    case wh::Answer::rejected:
      if (const auto why = wh::control_missing(ctx, control); !why.empty()) {
        return {Status::inconclusive, fmt::format("{}: {}, but {}", d.event_type, status, why)};
      }
      return {Status::fail, fmt::format("{}: refused with {} although the test event was accepted",
                                        d.event_type, status)};
    default:
      return {Status::inconclusive,
              fmt::format("{}: {} ({})", d.event_type, status, wh::inconclusive_reason(status))};
  }
}

}  // namespace

CheckInfo WebhookEvents::describe() {
  CheckInfo i = wh::webhook_info("events", "lifecycle.webhook-events");
  i.title = "Realistic events are acknowledged";
  i.prerequisites = {wh::kControlCheck};
  i.requires_pack = {"webhook-events"};
  i.what =
      "Posts each realistic event of the provider pack (Bluum: order.filled and "
      "kyc.verification.approved, with this run's ids), correctly signed, and expects 2xx "
      "within webhook.response_budget_s. Whether the events were processed is attested.";
  i.why =
      "A receiver that acknowledges a bare test event can still fail on the real payloads: "
      "a parser that throws on the order fields, or a handler doing slow work before "
      "answering, makes every real fill or KYC outcome retry and finally get dropped.";
  i.how_to_fix =
      "verify the signature, answer 2xx at once and process the event asynchronously; make the "
      "handler tolerate events it cannot match (unknown order or investor ids) instead of "
      "answering an error";
  return i;
}

WebhookEvents::WebhookEvents(CheckOptions& options)
    : samples_(options.pack() ? options.pack()->webhook.events
                              : std::vector<WebhookEventSample>{}) {}

std::vector<PlannedRequest> WebhookEvents::planned_requests(const Target& target) const {
  std::vector<PlannedRequest> out;
  for (const auto& s : samples_) {
    auto p = wh::planned_delivery(target, s.type +
                                              " event (realistic, this run's ids), correctly "
                                              "signed: expects 2xx within response_budget_s");
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

CheckResult WebhookEvents::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  CheckResult r;
  if (samples_.empty()) {
    r.status = Status::skip;
    r.summary = "the provider pack has no realistic events (webhook.events)";
    return r;
  }
  std::vector<Outcome> outcomes;
  Evidence control;
  for (size_t i = 0; i < samples_.size(); ++i) {
    const auto now = wh::unix_now(ctx.clock);
    const auto d = wh::make_delivery_with_body(*ep, ctx.run_id, fmt::format("event{}", i + 1),
                                               samples_[i].type, now,
                                               render_event_sample(samples_[i], ctx.run_id, now));
    const auto x = wh::post(wh::delivery_client(ctx), *ep, d, wh::delivery_timeout(ctx, *ep));
    r.evidence.push_back(wh::sent_evidence(*ep, d));
    r.evidence.push_back(
        wh::exchange_evidence(*ep, x, "answer (" + d.event_type + ")",
                              fmt::format("2xx within {} s", ep->response_budget_s)));
    outcomes.push_back(grade(ctx, *ep, d, x, control));
  }
  if (!control.label.empty()) r.evidence.push_back(control);
  auto any = [&](Status s) {
    return std::any_of(outcomes.begin(), outcomes.end(),
                       [&](const Outcome& o) { return o.status == s; });
  };
  r.status = any(Status::fail)           ? Status::fail
             : any(Status::inconclusive) ? Status::inconclusive
                                         : Status::pass;
  std::vector<std::string> phrases;
  for (const auto& o : outcomes) phrases.push_back(o.phrase);
  r.summary = fmt::format("{}{}", r.status == Status::pass ? "acknowledged: " : "",
                          fmt::join(phrases, "; "));
  if (r.status == Status::fail) r.fix = describe().how_to_fix;
  return r;
}

}  // namespace golive::checks
