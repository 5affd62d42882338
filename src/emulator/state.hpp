#pragma once
/// Per-tenant emulator state. Every access happens under the server's single state mutex.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emulator/internal.hpp"

namespace golive::emulator::detail {

/// Resources of one kind in creation order, indexed by id.
class Collection {
 public:
  /// The resource with `id`, or null.
  json* find(const std::string& id);
  /// Appends `item` (which must carry a string "id") and returns the stored copy.
  json& add(json item);
  /// Removes the resource with `id`; false when there is none.
  bool erase(const std::string& id);
  /// Resources whose string `field` equals `value`, in creation order.
  std::vector<json> where(const std::string& field, const std::string& value) const;
  const std::vector<json>& all() const { return items_; }
  size_t size() const { return items_.size(); }

 private:
  std::vector<json> items_;
  std::map<std::string, size_t> index_;
};

/// A holding in one symbol; quantity in millionths, cost in cents.
struct Position {
  std::string id;
  std::int64_t created = 0;
  std::int64_t quantity_micro = 0;
  std::int64_t cost_cents = 0;
};

/// A stored answer to an Idempotency-Key (SEED §1.7).
struct IdempotencyEntry {
  std::string fingerprint;  ///< SHA-256 of method, path and canonical body
  int status = 0;
  std::string body;
  std::chrono::steady_clock::time_point stored_at;
};

/// Everything one key pair owns. Tenants never see each other's data.
struct Tenant {
  std::string api_key;  ///< for introspection by key; "" for the anonymous tenant
  Collection investors, funding_sources, deposits, withdrawals, orders, webhooks;
  std::map<std::string, std::string> webhook_secrets;                ///< wh_ id → whsec_ secret
  std::map<std::string, std::int64_t> cash_cents;                    ///< inv_ id → settled cash
  std::map<std::string, std::map<std::string, Position>> positions;  ///< inv_ → symbol →
  std::map<std::string, IdempotencyEntry> idempotency;
  // Token bucket (SEED §1.6): `tokens` starts full on first use.
  double tokens = -1;
  std::chrono::steady_clock::time_point refilled;
  int burst_served = 0;  ///< 5xx-burst answers given so far
};

/// Takes one token from `t`'s bucket (capacity and refill rate `per_s`). On an empty bucket
/// returns the whole seconds to wait (≥ 1) and takes nothing.
std::optional<int> take_token(Tenant& t, int per_s, std::chrono::steady_clock::time_point now);

/// The live entry for `key`, dropping it when older than 24 h; null when none.
IdempotencyEntry* find_idempotent(Tenant& t, const std::string& key,
                                  std::chrono::steady_clock::time_point now);

/// SHA-256 (hex) of method, path and the body's canonical JSON (raw bytes if not JSON).
std::string request_fingerprint(const std::string& method, const std::string& path,
                                const std::string& body);

/// The investor with `id` in `t`, after checking the id's prefix; throws 400/404.
json& require_investor(Tenant& t, const std::string& id);

}  // namespace golive::emulator::detail
