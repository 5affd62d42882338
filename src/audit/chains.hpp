#pragma once
/// How the grader reads a recording: what each exchange meant to the client, and which later
/// exchanges were retries of it (retry chains).
#include <chrono>
#include <string>
#include <vector>

#include "audit/operation.hpp"
#include "audit/recording.hpp"

namespace golive::audit {

/// What an attempt's outcome asks of a client.
/// success: 1xx–3xx; retryable: 429, 500, 502, 503, 504 (retry with backoff); dropped: no
/// answer (retry with the same key); client_error: 400, 401, 403, 404, 422 (never retry);
/// other: any other 4xx/5xx (409 ...), neither graded as retryable nor as a client error.
enum class Outcome { success, retryable, dropped, client_error, other };
Outcome classify(const ExchangeRecord& e);
bool failed(Outcome o);

/// The client's own Idempotency-Key ("" when it sent none; a proxy-added key does not count).
std::string client_key(const ExchangeRecord& e);

/// What identifies the exchange's operation (operation.hpp), with the client's own key.
RequestInfo request_info(const ExchangeRecord& e);

/// How long after a failed attempt another attempt still counts as its retry.
inline constexpr std::chrono::milliseconds k_retry_window{30000};

/// Attempts of one operation: the first, then each retry after a failed attempt.
struct Chain {
  std::vector<size_t> attempts;  ///< indices into Recording::exchanges, in order
};

/// Links every failed exchange to its retry: the next exchange, in arrival order, of the same
/// operation (same_operation(): the same key, or without a key the same request arriving next)
/// that started after it ended and within `window`. Each exchange belongs to exactly one chain.
std::vector<Chain> retry_chains(const Recording& rec,
                                std::chrono::milliseconds window = k_retry_window);

/// Milliseconds from the end of `a` to the start of `b`.
double delay_ms(const ExchangeRecord& a, const ExchangeRecord& b);

/// "#12 POST /v1/investors/inv_1/deposits at +1234 ms" (query included, redacted).
std::string describe(const ExchangeRecord& e);

}  // namespace golive::audit
