#include "checks/webhook/duplicate.hpp"

#include <fmt/format.h>

namespace golive::checks {

CheckInfo WebhookDuplicate::describe() {
  CheckInfo i = wh::webhook_info("duplicate", "webhooks.duplicates");
  i.title = "Repeated deliveries are acknowledged";
  i.what =
      "Posts the same correctly signed test delivery (same id, timestamp, body and "
      "signature) twice in a row and expects 2xx both times.";
  i.why =
      "Senders deliver at least once: after a timeout or a lost answer the same event "
      "arrives again. Answering the repeat with an error causes endless retries; "
      "processing it twice doubles the effect.";
  i.how_to_fix =
      "deduplicate on the delivery id (webhook-id header, else the event id): answer "
      "2xx to a repeat without processing it again";
  return i;
}

WebhookDuplicate::WebhookDuplicate(CheckOptions& options) : DeliveryCheck(options) {}

std::vector<PlannedRequest> WebhookDuplicate::planned_requests(const Target& target) const {
  return wh::planned_delivery(
      target, event_type() + " event, correctly signed, sent twice: expects 2xx both times");
}

CheckResult WebhookDuplicate::run(CheckContext& ctx) {
  CheckResult early;
  const auto ep = wh::endpoint_or(ctx, early);
  if (!ep) return early;
  const auto d =
      wh::make_delivery(*ep, ctx.run_id, "duplicate", event_type(), wh::unix_now(ctx.clock));
  CheckResult r;
  r.evidence.push_back(wh::sent_evidence(*ep, d));
  const auto first = wh::post(wh::delivery_client(ctx), *ep, d, wh::delivery_timeout(ctx, *ep));
  r.evidence.push_back(wh::exchange_evidence(*ep, first, "first delivery", "2xx"));
  const auto* resp1 = first.response();
  if (!resp1) {
    r.status = Status::inconclusive;
    r.summary = "could not deliver the test event: " +
                wh::transport_summary(std::get<net::TransportError>(first.outcome));
    return r;
  }
  const int s1 = resp1->status;
  if (wh::classify(s1) != wh::Answer::accepted) {
    r.status = Status::inconclusive;
    r.summary = fmt::format(
        "the first, valid delivery was answered {}, so repeats could not be tested (see "
        "webhook.accepts-valid)",
        s1);
    return r;
  }
  const auto second = wh::post(wh::delivery_client(ctx), *ep, d, wh::delivery_timeout(ctx, *ep));
  r.evidence.push_back(
      wh::exchange_evidence(*ep, second, "second delivery (identical)", "2xx again"));
  const auto* resp2 = second.response();
  if (!resp2) {
    const auto& err = std::get<net::TransportError>(second.outcome);
    r.status = net::is_inconclusive(err.kind) ? Status::inconclusive : Status::fail;
    r.summary = "the repeated delivery got no answer: " + wh::transport_summary(err);
    if (r.status == Status::fail) r.fix = describe().how_to_fix;
    return r;
  }
  const int s2 = resp2->status;
  const auto answer = wh::classify(s2);
  if (answer == wh::Answer::unusable || answer == wh::Answer::other) {
    // A rate limit or timeout on the repeat says nothing about how repeats are handled.
    r.status = Status::inconclusive;
    r.summary = fmt::format("the first delivery was answered {}, the identical repeat {}: {}", s1,
                            s2, wh::inconclusive_reason(s2));
    return r;
  }
  if (answer != wh::Answer::accepted) {
    r.status = Status::fail;
    r.summary = fmt::format("the first delivery was answered {}, the identical repeat {}", s1, s2);
    r.fix = describe().how_to_fix;
    return r;
  }
  r.status = Status::pass;
  r.summary = fmt::format("the same delivery was acknowledged twice ({}, then {})", s1, s2);
  return r;
}

}  // namespace golive::checks
