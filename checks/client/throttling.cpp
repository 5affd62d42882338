#include "checks/client/throttling.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientThrottling::describe() {
  CheckInfo i = client::client_info(
      "throttling", "The client stays under the published rate limit", {"observability.throttling"},
      "The peak number of requests the client started within any window of the provider's "
      "published limit (pack `rate_limits`, scope `requests`, for the audited profile's mode) "
      "stays within the limit. The window is 50 ms shorter than published, so a client pacing "
      "itself exactly at the limit is not "
      "failed by arrival jitter.",
      "Above the published limit the vendor answers 429 and the partner's users wait; backoff "
      "after a 429 is the last line of defence, throttling on the client side the first.",
      "Throttle on the client side (a token bucket or a request queue per key) so no more "
      "requests leave in any window than the vendor publishes.");
  i.requires_pack = {"rate-limits"};
  return i;
}

ClientThrottling::ClientThrottling(CheckOptions&) {}

CheckResult ClientThrottling::run(CheckContext& ctx) {
  return client::run_grade("client.throttling", ctx);
}

}  // namespace golive::checks
