#include "checks/webhook/grading.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace golive::checks::wh {

DeliveryCheck::DeliveryCheck(CheckOptions& options)
    : event_type_(options.get_string("event_type", kTestEventType)) {
  const bool printable = std::all_of(event_type_.begin(), event_type_.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
  });
  if (event_type_.empty() || !printable) {
    options.error("event_type", "must be a non-empty event type without spaces, e.g. golive.test");
  }
}

CheckInfo webhook_info(const std::string& name, const std::string& item) {
  CheckInfo i;
  i.id = "webhook." + name;
  i.checklist_items = {item};
  i.side_effect = SideEffect::partner_endpoint;
  i.blocking = true;
  i.doc = "checks/webhook/" + name + ".md";
  return i;
}

std::optional<Endpoint> endpoint_or(const CheckContext& ctx, CheckResult& early) {
  EndpointProblem problem;
  auto ep = resolve_endpoint(ctx.target, problem);
  if (!ep) {
    early.status = problem.status;
    early.summary = problem.reason;
    Evidence e;
    e.label = "webhook settings";
    e.observed = problem.reason;
    early.evidence.push_back(e);
  }
  return ep;
}

std::vector<PlannedRequest> planned_delivery(const Target& target, const std::string& note) {
  const auto& wh = target.profile.webhook;
  if (!wh) return {};
  const std::string url = target.webhook_url.empty() ? wh->url : target.webhook_url;
  PlannedRequest p;
  p.method = "POST";
  p.url = url == "embedded" ? "{webhook receiver (embedded)}" : net::redact_url(url);
  p.side_effect = SideEffect::partner_endpoint;
  p.note = note;
  return {p};
}

net::HttpClient& delivery_client(const CheckContext& ctx) {
  return ctx.raw_http ? *ctx.raw_http : ctx.http;
}

CheckResult expect_rejected(const CheckContext& ctx, const Endpoint& ep, const Delivery& d,
                            const Rejection& rule) {
  CheckResult r;
  const auto x = post(delivery_client(ctx), ep, d, delivery_timeout(ctx, ep));
  r.evidence.push_back(sent_evidence(ep, d));
  r.evidence.push_back(
      exchange_evidence(ep, x, "answer", "non-2xx (4xx: rejected, not processed)"));
  const auto* resp = x.response();
  if (!resp) {
    r.status = Status::inconclusive;
    r.summary = fmt::format("could not deliver the {} test event: {}", rule.what,
                            transport_summary(std::get<net::TransportError>(x.outcome)));
    return r;
  }
  const int status = resp->status;
  if (status < 200 || status > 299) {
    r.status = Status::pass;
    r.summary = fmt::format("the {} delivery was rejected with {}{}", rule.what, status,
                            status >= 400 && status < 500 ? "" : " (4xx is the usual answer)");
    return r;
  }
  r.status = rule.if_accepted;
  r.summary = fmt::format("the {} delivery was accepted with {}", rule.what, status);
  r.fix = rule.fix;
  return r;
}

}  // namespace golive::checks::wh
