// FaultPlanner: applies a Schedule to the stream of client requests (see schedule.hpp).
#include <algorithm>
#include <stdexcept>

#include "audit/schedule.hpp"

namespace golive::audit {

namespace {

bool is_read(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

}  // namespace

bool matches(const Rule& rule, const RequestInfo& r) {
  const bool money = !r.money_kind.empty();
  switch (rule.on) {
    case Selector::any:
      return true;
    case Selector::get:
      return r.method == "GET" || r.method == "HEAD";
    case Selector::post:
      return r.method == "POST";
    case Selector::put:
      return r.method == "PUT";
    case Selector::patch:
      return r.method == "PATCH";
    case Selector::del:
      return r.method == "DELETE";
    case Selector::write:
      return !is_read(r.method) && !money;
    case Selector::money:
      return money;
    case Selector::kind:
      return money && r.money_kind == rule.kind;
  }
  return false;
}

FaultPlanner::FaultPlanner(Schedule schedule, std::uint64_t seed)
    : schedule_(std::move(schedule)), rng_(seed), counts_(schedule_.rules.size()) {
  // Fisher–Yates with the raw engine, so a seed means the same order on every platform.
  for (auto& rule : schedule_.rules) {
    for (const auto& step : rule.steps) {
      if (step.server_error) {
        throw std::invalid_argument("fault schedule not bound to a provider pack (5xx unresolved)");
      }
    }
    if (!rule.shuffle) continue;
    for (size_t i = rule.steps.size(); i > 1; --i) {
      std::swap(rule.steps[i - 1], rule.steps[rng_() % i]);
    }
  }
}

Decision FaultPlanner::decide(const RequestInfo& r, std::int64_t seq,
                              std::chrono::steady_clock::time_point now,
                              std::chrono::system_clock::time_point wall_now) {
  std::lock_guard lock(mu_);
  if (ops_.size() > 4096) {
    std::erase_if(ops_,
                  [&](const auto& kv) { return now - kv.second.last > schedule_.retry_window; });
  }
  const std::string id = operation_id(r);
  auto it = ops_.find(id);
  const bool retry =
      it != ops_.end() && it->second.failed && now - it->second.last <= schedule_.retry_window &&
      same_operation(it->second.last_request, r, next_in_arrival(it->second.last_seq, seq));
  Decision d;
  if (retry) {
    Op& op = it->second;
    op.last_request = r;
    op.last_seq = seq;
    op.last = now;
    if (!op.steps.empty()) {
      d.step = op.steps.front();
      op.steps.erase(op.steps.begin());
    }
  } else {
    Op op;
    op.last_request = r;
    op.last_seq = seq;
    op.last = now;
    for (size_t i = 0; i < schedule_.rules.size(); ++i) {
      const Rule& rule = schedule_.rules[i];
      if (!matches(rule, r)) continue;
      if (!rule.path_contains.empty() && r.path.find(rule.path_contains) == std::string::npos)
        continue;
      if (++counts_[i][rule.per_kind ? r.money_kind : ""] != rule.nth || d.step) continue;
      op.steps = rule.steps;
      d.step = op.steps.front();
      op.steps.erase(op.steps.begin());
    }
    ops_[id] = std::move(op);
  }
  if (d.step && d.step->retry_after_s) {
    const auto [lo, hi] = *d.step->retry_after_s;
    const int secs =
        lo + (hi > lo ? static_cast<int>(rng_() % static_cast<unsigned>(hi - lo + 1)) : 0);
    if (d.step->http_date) {
      // An HTTP-date has whole seconds: round up, so the wait is never shorter than asked.
      const auto target = std::chrono::ceil<std::chrono::seconds>(
          (wall_now + std::chrono::seconds(secs)).time_since_epoch());
      const std::chrono::system_clock::time_point when(target);
      d.retry_after = http_date(when);
      d.retry_after_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(when - wall_now).count();
    } else {
      d.retry_after = std::to_string(secs);
      d.retry_after_ms = std::int64_t{secs} * 1000;
    }
  }
  return d;
}

void FaultPlanner::settle(const RequestInfo& r, std::int64_t seq, bool failed,
                          std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mu_);
  auto it = ops_.find(operation_id(r));
  // A later attempt (or a new operation with the same id) already took over: keep its state.
  if (it == ops_.end() || it->second.last_seq != seq) return;
  it->second.failed = failed;
  it->second.last = now;
}

}  // namespace golive::audit
