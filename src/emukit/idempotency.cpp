#include "emukit/idempotency.hpp"

#include <nlohmann/json.hpp>

#include "crypto/digest.hpp"

namespace golive::emukit {

const IdempotencyEntry* IdempotencyStore::find(const std::string& key,
                                               std::chrono::steady_clock::time_point now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  if (now - it->second.stored_at >= ttl_) {
    entries_.erase(it);
    return nullptr;
  }
  return &it->second;
}

std::string request_fingerprint(const std::string& method, const std::string& path,
                                const std::string& body) {
  std::string canonical = body;
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);  // sorts keys
  if (!parsed.is_discarded()) canonical = parsed.dump();
  return crypto::sha256_hex(method + ' ' + path + '\n' + canonical);
}

}  // namespace golive::emukit
