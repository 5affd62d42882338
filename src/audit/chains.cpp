#include "audit/chains.hpp"

#include <fmt/format.h>

#include "core/secret.hpp"

namespace golive::audit {

Outcome classify(const ExchangeRecord& e) {
  if (e.dropped || e.client_status == 0) return Outcome::dropped;
  const int s = e.client_status;
  if (s < 400) return Outcome::success;
  if (s == 429 || s == 500 || s == 502 || s == 503 || s == 504) return Outcome::retryable;
  if (s == 400 || s == 401 || s == 403 || s == 404 || s == 422) return Outcome::client_error;
  return Outcome::other;
}

bool failed(Outcome o) {
  return o != Outcome::success;
}

std::string client_key(const ExchangeRecord& e) {
  return e.key_added_by_proxy ? std::string() : e.idempotency_key;
}

bool same_operation(const ExchangeRecord& a, const ExchangeRecord& b) {
  if (a.method != b.method || a.path != b.path || a.query != b.query) return false;
  if (a.method == "GET" || a.method == "HEAD" || a.method == "DELETE" || a.method == "OPTIONS") {
    return true;
  }
  const std::string ka = client_key(a), kb = client_key(b);
  return (!ka.empty() && ka == kb) || a.body_sha256 == b.body_sha256;
}

std::vector<Chain> retry_chains(const Recording& rec, std::chrono::milliseconds window) {
  const auto& ex = rec.exchanges;
  const double window_ms = static_cast<double>(window.count());
  std::vector<bool> claimed(ex.size(), false);
  std::vector<Chain> chains;
  for (size_t i = 0; i < ex.size(); ++i) {
    if (claimed[i]) continue;
    Chain c;
    c.attempts.push_back(i);
    claimed[i] = true;
    for (size_t cur = i; failed(classify(ex[cur]));) {
      size_t next = ex.size();
      for (size_t j = cur + 1; j < ex.size(); ++j) {
        if (claimed[j] || !same_operation(ex[cur], ex[j])) continue;
        const double gap = delay_ms(ex[cur], ex[j]);
        // 1 ms of slack: both times are taken on the proxy's clock, rounding aside.
        if (gap < -1.0) continue;
        if (gap <= window_ms) next = j;
        break;
      }
      if (next == ex.size()) break;
      c.attempts.push_back(next);
      claimed[next] = true;
      cur = next;
    }
    chains.push_back(std::move(c));
  }
  return chains;
}

double delay_ms(const ExchangeRecord& a, const ExchangeRecord& b) {
  return b.t_start_ms - a.t_end_ms;
}

std::string describe(const ExchangeRecord& e) {
  return redact(fmt::format("#{} {} {}{}{} at +{:.0f} ms", e.seq, e.method, e.path,
                            e.query.empty() ? "" : "?", e.query, e.t_start_ms));
}

}  // namespace golive::audit
