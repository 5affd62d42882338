#pragma once
/// Test deliveries for the webhook.* checks and `bluum-golive webhook send` (SPEC §6): a
/// test event a correct receiver acknowledges and ignores, signed with the profile's scheme,
/// optionally spoiled on purpose (tampered body, decoy secret, no signature, skewed timestamp),
/// posted once without retries, and described as evidence. Nothing here ever puts the webhook
/// secret into a string meant for output.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "checks/webhook/scheme_config.hpp"
#include "core/result.hpp"
#include "core/secret.hpp"
#include "engine/context.hpp"
#include "net/http.hpp"

namespace golive::checks::wh {

/// The event type test deliveries carry unless a check's `event_type` option says otherwise.
inline constexpr const char* kTestEventType = "golive.test";

/// Where and how a target's receiver is reached.
struct Endpoint {
  std::string url;  ///< effective receiver URL (the embedded demo's when `url: embedded`)
  std::string scheme_name;
  SchemeSetup setup;
  const Secret* secret = nullptr;  ///< the resolved webhook secret; owned by the Target
  int tolerance_s = 300;
  int response_budget_s = 30;
};

/// Why a target's endpoint cannot be used: `skip` (no webhook section) or `inconclusive`
/// (secret unresolved, scheme unusable), with a one-line reason free of secrets.
struct EndpointProblem {
  Status status = Status::skip;
  std::string reason;
};

/// The target's endpoint, or nullopt with `problem` filled in.
std::optional<Endpoint> resolve_endpoint(const Target& target, EndpointProblem& problem);

/// One delivery exactly as it goes on the wire (plus Content-Type: application/json).
struct Delivery {
  std::string case_name;   ///< e.g. "valid", "tampered"
  std::string message_id;  ///< msg_golive_<run>_<case> (the id header, where the scheme has one)
  std::string event_id;    ///< evt_golive_<run>_<case> (the body's "id")
  std::string event_type;
  std::int64_t timestamp = 0;  ///< the signed timestamp, Unix seconds
  std::string body;            ///< exact bytes sent
  webhook::HeaderList headers;
  std::string signing;  ///< how it was signed, for evidence, e.g. "with the profile's secret"
  std::string spoiled;  ///< what was changed after signing, "" when nothing
};

/// The test event JSON: {"id","type","livemode":false,"created","data":{"note":...}}.
std::string test_event_body(const std::string& event_id, const std::string& event_type,
                            std::int64_t created);

/// A delivery for `case_name` signed with the endpoint's secret at `timestamp`. Ids are derived
/// from `run_id`, so a run's deliveries are reproducible. Throws std::invalid_argument when the
/// secret does not fit the scheme (the message names the scheme, never the secret).
Delivery make_delivery(const Endpoint& ep, const std::string& run_id, const std::string& case_name,
                       const std::string& event_type, std::int64_t timestamp);

/// Like make_delivery, but the body is `body` (exact bytes, e.g. a pack's realistic event) and
/// `event_id` names it in evidence.
Delivery make_delivery_with_body(const Endpoint& ep, const std::string& run_id,
                                 const std::string& case_name, const std::string& event_type,
                                 std::int64_t timestamp, std::string body);

/// Re-signs `d` with a decoy secret of the same shape as the real one (derived from `run_id`),
/// or with `sandbox_secret` (the test-mode secret of the run's sandbox profile) when it is given
/// and differs from the endpoint's: a live receiver must refuse test-mode signatures.
void sign_with_wrong_secret(Delivery& d, const Endpoint& ep, const std::string& run_id,
                            const Secret* sandbox_secret = nullptr);

/// Changes one byte of the body after signing: the last digit of "created".
void tamper_body(Delivery& d);

/// Drops the signature header (the id and timestamp headers stay).
void strip_signature(Delivery& d, const Endpoint& ep);

/// POSTs `d` to the endpoint once through `http` (use an unretried client) with `timeout`.
net::Exchange post(net::HttpClient& http, const Endpoint& ep, const Delivery& d,
                   std::chrono::milliseconds timeout);

/// Per-request timeout for a check: the response budget plus 2 s, bounded by the time left.
std::chrono::milliseconds delivery_timeout(const CheckContext& ctx, const Endpoint& ep);

/// Evidence describing what was sent: case, event id and type, timestamp, header names, how it
/// was signed and spoiled, and the body.
Evidence sent_evidence(const Endpoint& ep, const Delivery& d);

/// Evidence for the exchange: method, redacted URL, status, request id, latency, and as
/// `observed` the status with a short excerpt of the answer, or the transport error.
Evidence exchange_evidence(const Endpoint& ep, const net::Exchange& x, const std::string& label,
                           const std::string& expected);

/// "connect: connection refused (127.0.0.1:9)" — one line, for summaries.
std::string transport_summary(const net::TransportError& e);

/// Current Unix seconds from the check's clock.
std::int64_t unix_now(const Clock& clock);

}  // namespace golive::checks::wh
