#pragma once
/// Vocabulary shared by every provider emulator and the reference webhook receiver: headers,
/// signed outgoing deliveries and what a receiver saw.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace golive::emukit {

/// Header (name, value) pairs in arrival order. Names handed to a Verifier are lower-cased.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// What a receiver Verifier decides about one delivery.
struct ReceiverVerdict {
  bool accepted = true;  ///< false: the receiver answers 400 and does not process it
  std::string reason;    ///< why it was rejected; echoed in the 400 body and the record
};

/// Signature check for the reference receiver: (lower-cased headers, exact raw body).
/// Called concurrently from server threads; must be thread-safe.
using Verifier = std::function<ReceiverVerdict(const HeaderList& headers, const std::string& body)>;

/// Signs an outgoing event: (webhook secret, message id, unix seconds, raw body) → the headers
/// to add. The default implements Standard Webhooks v1 (HMAC-SHA256).
using Signer = std::function<HeaderList(const std::string& secret, const std::string& message_id,
                                        std::int64_t timestamp, const std::string& body)>;

/// One request the reference receiver answered (rejected and duplicate ones included).
struct ReceivedDelivery {
  std::string delivery_id;  ///< webhook-id header, else body id, else event+data.id, else hash
  std::string event_type;   ///< body "type" or "event"; empty when the body is not JSON
  std::string body;
  HeaderList headers;                 ///< lower-cased names
  bool verified = false;              ///< the verifier accepted it (or none was set)
  bool verification_skipped = false;  ///< the receiver was told to accept anything
  bool duplicate = false;             ///< an earlier accepted delivery had the same id
  int status = 0;                     ///< the status the receiver answered
  std::chrono::system_clock::time_point received_at;
};

/// One attempt to deliver an event to a registered webhook URL.
struct DeliveryAttempt {
  std::string webhook_id, event_id, event_type, url;
  int attempt = 0;    ///< 1-based
  int status = 0;     ///< 0 on a transport error
  std::string error;  ///< transport error text, if any
};

/// An event delivery waiting to be sent (queued once the emulator's state lock is released).
struct DeliveryJob {
  std::string webhook_id, url, secret, event_id, event_type, body;
  HeaderList extra_headers;  ///< vendor headers besides the signature (e.g. event type, ids)
};

}  // namespace golive::emukit
