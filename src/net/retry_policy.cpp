#include "net/retry_policy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "core/clock.hpp"
#include "crypto/random.hpp"

namespace golive::net {

using Ms = std::chrono::milliseconds;

/// The longest Retry-After read, over 31 years; longer values are clamped to it.
constexpr time_t kMaxRetryAfterSeconds = 999999999;

double SystemRandom::uniform() {
  return crypto::random_unit();
}

bool RetryPolicy::retryable(const Outcome& last, bool replay_safe) const {
  if (const auto* r = std::get_if<Response>(&last)) {
    const auto& statuses = replay_safe ? config_.retry_statuses : config_.unsafe_retry_statuses;
    return statuses.count(r->status) != 0;
  }
  const auto& kinds =
      replay_safe ? config_.retry_transport_kinds : config_.unsafe_retry_transport_kinds;
  return kinds.count(std::get<TransportError>(last).kind) != 0;
}

Ms RetryPolicy::backoff_ceiling(int attempt_number) const {
  const Ms cap = std::max(config_.cap_ms, Ms{0});
  Ms ceiling = std::max(config_.base_ms, Ms{0});
  // Doubling stops at the cap, so large attempt numbers cannot overflow.
  for (int i = 1; i < attempt_number && ceiling < cap; ++i) ceiling *= 2;
  return std::min(ceiling, cap);
}

std::optional<Ms> RetryPolicy::next_delay(int attempt_number, const Outcome& last,
                                          std::chrono::system_clock::time_point wall_now,
                                          Ms time_left, RandomSource& random,
                                          bool replay_safe) const {
  if (attempt_number >= config_.max_attempts || !retryable(last, replay_safe)) return std::nullopt;
  const double u = std::clamp(random.uniform(), 0.0, 1.0);
  const auto ceiling = static_cast<double>(backoff_ceiling(attempt_number).count());
  Ms delay{static_cast<Ms::rep>(std::llround(u * ceiling))};
  if (const auto* r = std::get_if<Response>(&last)) {
    if (const auto header = r->headers.get("retry-after")) {
      if (const auto asked = parse_retry_after(*header, wall_now)) {
        if (*asked > config_.max_retry_after) return std::nullopt;
        delay = std::max(delay, *asked);
      }
    }
  }
  if (delay >= time_left) return std::nullopt;
  return delay;
}

std::optional<Ms> parse_retry_after(std::string_view value,
                                    std::chrono::system_clock::time_point wall_now) {
  const auto first = value.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  value = value.substr(first, value.find_last_not_of(" \t") - first + 1);
  const auto is_digit = [](unsigned char c) { return std::isdigit(c) != 0; };
  if (std::all_of(value.begin(), value.end(), is_digit)) {
    // More than 9 digits is over 30 years: clamp instead of overflowing.
    if (value.size() > 9) return std::chrono::seconds{kMaxRetryAfterSeconds};
    return std::chrono::duration_cast<Ms>(std::chrono::seconds{std::stoll(std::string(value))});
  }
  // An HTTP-date always names a month; this keeps "-1" or "1.5" away from curl's lenient parser.
  const auto is_alpha = [](unsigned char c) { return std::isalpha(c) != 0; };
  if (std::none_of(value.begin(), value.end(), is_alpha)) return std::nullopt;
  const time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto diff = from_unix_clamped(when) - wall_now;
  if (diff <= decltype(diff)::zero()) return Ms{0};
  return std::min<Ms>(std::chrono::ceil<Ms>(diff), std::chrono::seconds{kMaxRetryAfterSeconds});
}

bool replay_safe(const Request& request) {
  static const std::set<std::string_view> kIdempotent = {"GET", "HEAD",   "OPTIONS",
                                                         "PUT", "DELETE", "TRACE"};
  return kIdempotent.count(request.method) != 0 || request.headers.get("idempotency-key");
}

}  // namespace golive::net
