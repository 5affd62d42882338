#include "audit/operation.hpp"

namespace golive::audit {

bool keyed(const RequestInfo& r) {
  return !r.idempotency_key.empty() && r.method != "GET" && r.method != "HEAD" &&
         r.method != "OPTIONS";
}

std::string operation_id(const RequestInfo& r) {
  if (keyed(r)) return "key " + r.idempotency_key;
  return r.method + " " + r.path + "?" + r.query + " body:" + r.body_sha256;
}

bool same_operation(const RequestInfo& earlier, const RequestInfo& later, bool next) {
  if (operation_id(earlier) != operation_id(later)) return false;
  return keyed(later) || next;
}

}  // namespace golive::audit
