#include "emulator/state.hpp"

#include <algorithm>
#include <cmath>

#include "crypto/digest.hpp"

namespace golive::emulator::detail {

json* Collection::find(const std::string& id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &items_[it->second];
}

json& Collection::add(json item) {
  std::string id = item.at("id").get<std::string>();
  index_[id] = items_.size();
  items_.push_back(std::move(item));
  return items_.back();
}

bool Collection::erase(const std::string& id) {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(it->second));
  index_.clear();
  for (size_t i = 0; i < items_.size(); ++i) index_[items_[i]["id"].get<std::string>()] = i;
  return true;
}

std::vector<json> Collection::where(const std::string& field, const std::string& value) const {
  std::vector<json> out;
  for (const json& item : items_) {
    auto it = item.find(field);
    if (it != item.end() && it->is_string() && it->get<std::string>() == value) {
      out.push_back(item);
    }
  }
  return out;
}

std::optional<int> take_token(Tenant& t, int per_s, std::chrono::steady_clock::time_point now) {
  const double capacity = per_s;
  if (t.tokens < 0) {
    t.tokens = capacity;
    t.refilled = now;
  }
  const double elapsed = std::chrono::duration<double>(now - t.refilled).count();
  if (elapsed > 0) {
    t.tokens = std::min(capacity, t.tokens + elapsed * per_s);
    t.refilled = now;
  }
  if (t.tokens >= 1.0) {
    t.tokens -= 1.0;
    return std::nullopt;
  }
  // Whole seconds until one token is back; Retry-After has one-second resolution.
  const double wait = (1.0 - t.tokens) / per_s;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

IdempotencyEntry* find_idempotent(Tenant& t, const std::string& key,
                                  std::chrono::steady_clock::time_point now) {
  auto it = t.idempotency.find(key);
  if (it == t.idempotency.end()) return nullptr;
  // Keys expire after 24 h and may then be reused (SEED §1.7).
  if (now - it->second.stored_at >= std::chrono::hours(24)) {
    t.idempotency.erase(it);
    return nullptr;
  }
  return &it->second;
}

std::string request_fingerprint(const std::string& method, const std::string& path,
                                const std::string& body) {
  // Canonical JSON (sorted keys, no whitespace) so a re-serialised retry still matches.
  std::string canonical = body;
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);  // sorts keys
  if (!parsed.is_discarded()) canonical = parsed.dump();
  return crypto::sha256_hex(method + ' ' + path + '\n' + canonical);
}

json& require_investor(Tenant& t, const std::string& id) {
  check_id(id, "inv", "investor_id");
  json* investor = t.investors.find(id);
  if (investor == nullptr) not_found("investor", id);
  return *investor;
}

}  // namespace golive::emulator::detail
