// Webhook evidence quotes untrusted text (receiver answers, transport errors) redacted before it
// is cut, so a secret straddling the cut cannot leak its first half (SPEC §10, issue 10 §5).
#include <catch2/catch.hpp>

#include "checks/webhook/delivery.hpp"
#include "core/secret.hpp"

using namespace golive;

TEST_CASE("webhook evidence: a secret straddling the excerpt cut does not leak in part",
          "[checks][webhook][secrets]") {
  const std::string canary = "whsec_excerpt_straddle_canary_5d2f8a";
  Redactor::global().add(canary);
  net::TransportError e;
  e.kind = net::TransportErrorKind::other;
  // transport_summary() keeps 200 characters of the message: the cut falls inside the canary.
  e.message = std::string(190, 'x') + canary + " and then some";
  const std::string summary = checks::wh::transport_summary(e);
  CAPTURE(summary);
  CHECK(summary.find("whsec_exc") == std::string::npos);
  CHECK(summary.find(std::string(190, 'x') + "*** and") != std::string::npos);
  CHECK(summary.size() < 240);
}
