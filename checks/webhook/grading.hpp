#pragma once
/// What the webhook.* checks share: their common CheckInfo, the `event_type` option, resolving
/// the endpoint into an early skip/inconclusive result, and grading a delivery that a correct
/// receiver must reject (SPEC §6).
#include <optional>
#include <string>
#include <vector>

#include "checks/webhook/delivery.hpp"
#include "engine/check.hpp"

namespace golive::checks::wh {

/// Base of the webhook.* checks. Option `event_type` (string, default "golive.test"): the
/// event type test deliveries carry; it must be one a correct receiver acknowledges and ignores.
class DeliveryCheck : public Check {
 protected:
  explicit DeliveryCheck(CheckOptions& options);
  const std::string& event_type() const { return event_type_; }

 private:
  std::string event_type_;
};

/// The CheckInfo fields every webhook.* check shares: id "webhook.<name>", the checklist item,
/// side effect partner-endpoint, blocking, every environment, doc checks/webhook/<name>.md.
CheckInfo webhook_info(const std::string& name, const std::string& item);

/// The context's endpoint, or nullopt with `early` set (skip without a webhook section,
/// inconclusive when the secret or scheme is unusable).
std::optional<Endpoint> endpoint_or(const CheckContext& ctx, CheckResult& early);

/// The POST a delivery check sends, for `check --plan` (SPEC §5): the webhook URL (redacted;
/// "{webhook receiver (embedded)}" for the demo) and `note`. Empty without a webhook section.
std::vector<PlannedRequest> planned_delivery(const Target& target, const std::string& note);

/// The client deliveries go through: ctx.raw_http (no retries), else ctx.http.
net::HttpClient& delivery_client(const CheckContext& ctx);

/// The fix shared by the signature checks.
inline constexpr const char* kVerifyFix =
    "verify the signature over the raw body bytes with the webhook secret before processing, "
    "and answer 4xx (without processing) when it is missing or does not match";

/// The check whose pass makes a rejection mean something (SPEC §6): the control delivery.
inline constexpr const char* kControlCheck = "webhook.accepts-valid";

/// webhook_info() for a webhook.rejects-* check: checklist item webhooks.signatures and
/// kControlCheck as a prerequisite, so the runner runs it first and hands its result over.
CheckInfo rejection_info(const std::string& name);

/// What a receiver's HTTP status says about a delivery (SPEC §6).
enum class Answer {
  accepted,    ///< 2xx
  rejected,    ///< 4xx other than 404, 405, 408, 413 and 429
  crashed,     ///< 5xx: the receiver failed instead of rejecting
  not_served,  ///< 404, 405: the URL does not serve deliveries
  unusable,    ///< 408, 413, 429: a timeout, size or rate limit, nothing about the delivery
  other,       ///< 1xx, 3xx (redirects are not followed) and anything else
};

/// Classifies a final HTTP status.
Answer classify(int status);

/// Why an answer of class not_served, unusable or other proves nothing, e.g. "the URL does
/// not serve deliveries (404)"; "" for the other classes.
std::string inconclusive_reason(int status);

/// "" when kControlCheck passed in this run for this target (ctx.prerequisite); otherwise why
/// a rejection proves nothing, naming the control's status and summary, with `evidence` set.
std::string control_missing(const CheckContext& ctx, Evidence& evidence);

/// How to grade a delivery that must be rejected.
struct Rejection {
  std::string what;  ///< e.g. "tampered", used as "the tampered delivery was accepted"
  std::string fix;   ///< shown when it was accepted
  Status if_accepted = Status::fail;  ///< warn for a finding that is only advisory
};

/// Posts `d` once and grades it (SPEC §6): 2xx is `rule.if_accepted` with `rule.fix`, whatever
/// the control did; 404/405, 408/413/429, 1xx/3xx and no answer at all are inconclusive with
/// the reason; a rejection (other 4xx) passes and a 5xx fails ("crashed instead of
/// rejecting") only when kControlCheck passed in this run, otherwise both are inconclusive.
/// Evidence: what was sent, the answer (status, request id, latency), and the control when it
/// did not pass.
CheckResult expect_rejected(const CheckContext& ctx, const Endpoint& ep, const Delivery& d,
                            const Rejection& rule);

}  // namespace golive::checks::wh
