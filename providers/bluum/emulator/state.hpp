#pragma once
/// Per-tenant emulator state. Every access happens under the server's single state mutex.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emukit/collection.hpp"
#include "emukit/idempotency.hpp"
#include "emukit/token_bucket.hpp"
#include "providers/bluum/emulator/internal.hpp"

namespace golive::bluum::emulator::detail {

using emukit::Collection;

/// A holding in one symbol; quantity in millionths, cost in cents.
struct Position {
  std::string id;
  std::int64_t created = 0;
  std::int64_t quantity_micro = 0;
  std::int64_t cost_cents = 0;
};

/// Everything one key pair owns. Tenants never see each other's data.
struct Tenant {
  std::string api_key;  ///< for introspection by key; "" for the anonymous tenant
  Collection investors, funding_sources, deposits, withdrawals, orders, webhooks;
  std::map<std::string, std::string> webhook_secrets;                ///< wh_ id → whsec_ secret
  std::map<std::string, std::int64_t> cash_cents;                    ///< inv_ id → settled cash
  std::map<std::string, std::map<std::string, Position>> positions;  ///< inv_ → symbol →
  emukit::IdempotencyStore idempotency;                              ///< 24 h (SEED §1.7)
  emukit::TokenBucket bucket;                                        ///< SEED §1.6
  int burst_served = 0;  ///< 5xx-burst answers given so far
};

/// The investor with `id` in `t`, after checking the id's prefix; throws 400/404.
json& require_investor(Tenant& t, const std::string& id);

}  // namespace golive::bluum::emulator::detail
