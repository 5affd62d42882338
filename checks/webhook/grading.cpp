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

CheckInfo rejection_info(const std::string& name) {
  CheckInfo i = webhook_info(name, "webhooks.signatures");
  i.prerequisites = {kControlCheck};
  return i;
}

Answer classify(int status) {
  if (status >= 200 && status <= 299) return Answer::accepted;
  switch (status) {
    case 404:
    case 405:
      return Answer::not_served;
    case 408:
    case 413:
    case 429:
      return Answer::unusable;
    default:
      break;
  }
  if (status >= 400 && status <= 499) return Answer::rejected;
  if (status >= 500 && status <= 599) return Answer::crashed;
  return Answer::other;
}

std::string inconclusive_reason(int status) {
  switch (status) {
    case 404:
    case 405:
      return fmt::format(
          "the URL does not serve deliveries ({}); check webhook.url and that the route "
          "accepts POST",
          status);
    case 408:
      return "the receiver timed out reading the request (408); try again";
    case 413:
      return "the receiver refused the body size (413), which says nothing about its "
             "signature check";
    case 429:
      return "the receiver is rate limiting (429); try again later";
    default:
      break;
  }
  if (classify(status) != Answer::other) return "";
  if (status >= 300 && status <= 399) {
    return fmt::format(
        "a redirect ({}) is not an answer: deliveries do not follow redirects; set webhook.url "
        "to the final URL",
        status);
  }
  return fmt::format("{} is not a final answer to grade", status);
}

std::string control_missing(const CheckContext& ctx, Evidence& evidence) {
  const auto* control = ctx.prerequisite(kControlCheck);
  if (control && control->status == Status::pass) return "";
  evidence.label = std::string("control: ") + kControlCheck;
  evidence.expected = "pass in the same run";
  if (!control) {
    evidence.observed = "not run";
    return fmt::format(
        "{} did not run, so a rejection proves nothing: an endpoint that rejects every "
        "delivery would look the same (run it in the same run)",
        kControlCheck);
  }
  evidence.observed = fmt::format("{}: {}", to_string(control->status), control->summary);
  return fmt::format(
      "{} did not pass ({}), so a rejection proves nothing: no valid delivery was accepted in "
      "this run",
      kControlCheck, to_string(control->status));
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
      exchange_evidence(ep, x, "answer", "4xx other than 404/405/408/413/429 (rejected)"));
  const auto* resp = x.response();
  if (!resp) {
    r.status = Status::inconclusive;
    r.summary = fmt::format("could not deliver the {} test event: {}", rule.what,
                            transport_summary(std::get<net::TransportError>(x.outcome)));
    return r;
  }
  const int status = resp->status;
  const Answer answer = classify(status);
  if (answer == Answer::accepted) {
    r.status = rule.if_accepted;
    r.summary = fmt::format("the {} delivery was accepted with {}", rule.what, status);
    r.fix = rule.fix;
    return r;
  }
  if (answer != Answer::rejected && answer != Answer::crashed) {
    r.status = Status::inconclusive;
    r.summary = fmt::format("the {} delivery was answered {}: {}", rule.what, status,
                            inconclusive_reason(status));
    return r;
  }
  Evidence control;
  if (const auto why = control_missing(ctx, control); !why.empty()) {
    r.evidence.push_back(control);
    r.status = Status::inconclusive;
    r.summary = fmt::format("the {} delivery was answered {}, but {}", rule.what, status, why);
    return r;
  }
  if (answer == Answer::crashed) {
    r.status = Status::fail;
    r.summary = fmt::format("the receiver crashed instead of rejecting the {} delivery ({})",
                            rule.what, status);
    r.fix =
        "check the signature and timestamp first and answer 4xx when they fail, before any "
        "parsing or processing that can throw; a 5xx makes senders retry the bad delivery";
    return r;
  }
  r.status = Status::pass;
  r.summary = fmt::format("the {} delivery was rejected with {}", rule.what, status);
  return r;
}

}  // namespace golive::checks::wh
