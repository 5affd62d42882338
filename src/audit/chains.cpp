#include "audit/chains.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

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

RequestInfo request_info(const ExchangeRecord& e) {
  return RequestInfo{e.method, e.path, e.query, client_key(e), e.body_sha256, e.money_kind};
}

std::vector<Chain> retry_chains(const Recording& rec, std::chrono::milliseconds window) {
  const auto& ex = rec.exchanges;
  const double window_ms = static_cast<double>(window.count());
  // Arrival order: a recording lists exchanges as they completed.
  std::vector<size_t> order(ex.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return ex[a].seq < ex[b].seq; });
  std::vector<bool> claimed(ex.size(), false);
  std::vector<Chain> chains;
  for (size_t pos = 0; pos < order.size(); ++pos) {
    if (claimed[order[pos]]) continue;
    Chain c;
    c.attempts.push_back(order[pos]);
    claimed[order[pos]] = true;
    for (size_t cur_pos = pos; failed(classify(ex[order[cur_pos]]));) {
      const ExchangeRecord& cur = ex[order[cur_pos]];
      const RequestInfo cur_info = request_info(cur);
      size_t next_pos = order.size();
      for (size_t p = cur_pos + 1; p < order.size(); ++p) {
        const ExchangeRecord& cand = ex[order[p]];
        if (claimed[order[p]] ||
            !same_operation(cur_info, request_info(cand), next_in_arrival(cur.seq, cand.seq))) {
          continue;
        }
        const double gap = delay_ms(cur, cand);
        // 1 ms of slack: both times are taken on the proxy's clock, rounding aside.
        if (gap < -1.0) continue;
        if (gap <= window_ms) next_pos = p;
        break;
      }
      if (next_pos == order.size()) break;
      c.attempts.push_back(order[next_pos]);
      claimed[order[next_pos]] = true;
      cur_pos = next_pos;
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
