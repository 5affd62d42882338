// Fuzz target: Retry-After and HTTP-date parsing (src/net/retry_policy), alone and as the retry
// policy reads it from a 429 response. Any value must give a delay or nullopt.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "net/retry_policy.hpp"

namespace {

/// The middle of every jitter range, so runs are reproducible.
class FixedRandom final : public golive::net::RandomSource {
 public:
  double uniform() override { return 0.5; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace golive::net;
  const std::string value(reinterpret_cast<const char*>(data), size);
  const auto now = std::chrono::system_clock::from_time_t(1700000000);
  (void)parse_retry_after(value, now);

  static const RetryPolicy policy;
  FixedRandom random;
  Response r;
  r.status = 429;
  r.headers.set("Retry-After", value);
  for (int attempt : {1, 3}) {
    (void)policy.next_delay(attempt, Outcome{r}, now, std::chrono::milliseconds(60000), random);
  }
  return 0;
}
