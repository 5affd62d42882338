#include "net/retrying_client.hpp"

#include <algorithm>

namespace golive::net {
namespace {

using Ms = std::chrono::milliseconds;

/// The attempt record for an exchange whose client did not record one (e.g. a fake).
Attempt synthesize(const Request& request, const Outcome& outcome) {
  Attempt a;
  a.method = request.method;
  a.url = redact_url(request.url);
  if (const auto* r = std::get_if<Response>(&outcome)) {
    a.status = r->status;
    a.request_id = r->request_id;
    a.latency = r->latency;
  } else {
    const auto& e = std::get<TransportError>(outcome);
    a.error = std::string(to_string(e.kind)) + ": " + e.message;
    a.latency = e.latency;
  }
  return a;
}

}  // namespace

Exchange RetryingClient::send(const Request& request) {
  const bool safe = replay_safe(request);
  Exchange result{TransportError{TransportErrorKind::timeout,
                                 "run deadline reached before the request was sent", Ms{0}},
                  {}};
  Ms waited{0};
  for (int attempt = 1;; ++attempt) {
    const auto left = std::chrono::duration_cast<Ms>(deadline_ - clock_.now());
    if (left <= Ms{0}) break;
    Request clipped = request;
    clipped.timeout = std::min(request.timeout, left);
    clipped.connect_timeout = std::min(request.connect_timeout, clipped.timeout);
    Exchange ex = inner_.send(clipped);
    if (ex.attempts.empty()) ex.attempts.push_back(synthesize(clipped, ex.outcome));
    ex.attempts.front().waited_before = waited;
    for (auto& a : ex.attempts) result.attempts.push_back(std::move(a));
    result.outcome = std::move(ex.outcome);

    const auto time_left = std::chrono::duration_cast<Ms>(deadline_ - clock_.now());
    const auto delay =
        policy_.next_delay(attempt, result.outcome, clock_.wall_now(), time_left, random_, safe);
    if (!delay) break;
    clock_.sleep_for(*delay);
    waited = *delay;
  }
  return result;
}

}  // namespace golive::net
