/// Bearer keys by prefix and the X-Network rules (seed-apis.md §2.1, §2.2, §2.3).
#include <openssl/crypto.h>

#include <cctype>

#include "crypto/digest.hpp"
#include "providers/blockchain0x/emulator/server.hpp"

namespace golive::blockchain0x::emulator::detail {

namespace {

constexpr std::string_view k_bearer = "Bearer ";
/// A key list shows 14 characters ("sk_live_" and 6 more); a full secret is much longer.
constexpr size_t k_min_key_length = 24;

/// Constant-time equality (compares SHA-256 digests so lengths never leak).
bool same_secret(const std::string& a, const std::string& b) {
  const std::string da = crypto::sha256_hex(a);
  const std::string db = crypto::sha256_hex(b);
  return CRYPTO_memcmp(da.data(), db.data(), da.size()) == 0;
}

/// The network a well-formed key belongs to, "" when it is not an sk_test_/sk_live_ secret.
std::string network_of(const std::string& key) {
  if (key.size() < k_min_key_length) return "";
  for (char c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return "";
  }
  if (key.starts_with("sk_test_")) return "testnet";
  if (key.starts_with("sk_live_")) return "mainnet";
  return "";
}

}  // namespace

Identity Server::authenticate(const httplib::Request& req) const {
  const std::string header = req.get_header_value("Authorization");
  const std::string network = req.get_header_value("X-Network");
  if (has("drop-auth-check")) return Identity{"", network == "mainnet" ? "mainnet" : "testnet"};
  if (!header.starts_with(k_bearer)) {
    throw ApiError(401, "auth.invalid_session",
                   "The request was not accepted as an API-key call: send Authorization: Bearer "
                   "sk_live_... or sk_test_...");
  }
  const std::string key = header.substr(k_bearer.size());
  const std::string key_network = network_of(key);
  if (key_network.empty() || (options_.api_key && !same_secret(key, *options_.api_key))) {
    throw ApiError(401, "apikey.invalid", "The API key is malformed or unknown");
  }
  if (has("key-expired")) throw ApiError(401, "apikey.expired", "The API key has expired");
  if (has("key-revoked")) throw ApiError(401, "apikey.revoked", "The API key was revoked");
  if (network.empty()) {
    throw ApiError(400, "network.header_required",
                   "X-Network is required on workspace-scoped requests (mainnet or testnet)");
  }
  if (network != "mainnet" && network != "testnet") {
    throw ApiError(400, "network.invalid", "X-Network must be mainnet or testnet");
  }
  if (network != key_network || has("network-mismatch")) {
    throw ApiError(401, "apikey.network_mismatch",
                   "X-Network " + network + " does not match the key's mode");
  }
  if (has("network-locked")) {
    throw ApiError(403, "network_locked", "The workspace is locked to the other network");
  }
  return Identity{key, key_network};
}

}  // namespace golive::blockchain0x::emulator::detail
