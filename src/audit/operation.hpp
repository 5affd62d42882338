#pragma once
/// Operation identity of the client audit (SPEC §7, docs/audit.md "Operations"): which requests
/// are attempts of one operation. This is the one definition: the fault planner counts
/// operations with it (a retry meets the next fault of its operation, not a new one) and the
/// grades follow retry chains with it.
#include <cstdint>
#include <string>

namespace golive::audit {

/// What identifies a request's operation.
struct RequestInfo {
  std::string method;
  std::string path;
  std::string query;            ///< raw query string without '?'
  std::string idempotency_key;  ///< the client's own; "" when none (never a proxy-added key)
  std::string body_sha256;      ///< body fingerprint; "" for an empty body
  std::string money_kind;       ///< the pack's money kind of the endpoint; "" when not money
};

/// True when the request's Idempotency-Key names its operation: the client sent one on a
/// method that is not safe. On GET, HEAD and OPTIONS a key means nothing to the server and is
/// ignored (a client that puts a fresh key on every GET still has its GET retries seen).
bool keyed(const RequestInfo& r);

/// Equal for two attempts of one operation, as far as the request alone tells:
/// "key <Idempotency-Key>" for a keyed request, else "<METHOD> <path>?<query> body:<hash>".
std::string operation_id(const RequestInfo& r);

/// Whether `later` is another attempt of the operation `earlier` belongs to:
/// - the same Idempotency-Key (both keyed): the same operation; different keys, or a key on
///   only one of them: different operations;
/// - without a key: the same method, path, query and body hash, and `next` — no other request
///   of the client arrived between the two (`later` is the very next request after `earlier`).
///   A correct client that sends the same GET again after an unrelated request, or three
///   identical withdrawals with three keys, is never seen as retrying.
bool same_operation(const RequestInfo& earlier, const RequestInfo& later, bool next);

/// Whether the request numbered `later_seq` is the next one the proxy received after
/// `earlier_seq` (sequence numbers count every request in arrival order).
inline bool next_in_arrival(std::int64_t earlier_seq, std::int64_t later_seq) {
  return later_seq == earlier_seq + 1;
}

}  // namespace golive::audit
