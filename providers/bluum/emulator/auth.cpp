/// Basic authentication (SEED §1.2): the documented 401 codes, one tenant per key pair.
#include <openssl/crypto.h>

#include "crypto/digest.hpp"
#include "providers/bluum/emulator/server.hpp"

namespace golive::bluum::emulator::detail {

namespace {

/// Constant-time equality (compares SHA-256 digests so lengths never leak).
bool same_secret(const std::string& a, const std::string& b) {
  const std::string da = crypto::sha256_hex(a);
  const std::string db = crypto::sha256_hex(b);
  return CRYPTO_memcmp(da.data(), db.data(), da.size()) == 0;
}

}  // namespace

Identity Server::authenticate(const httplib::Request& req) const {
  const bool lax = has("drop-auth-check");
  const Identity anonymous{};
  if (!req.has_header("Authorization")) {
    if (lax) return anonymous;
    throw ApiError(401, "BLUM-401-001",
                   "Missing Authorization header: send HTTP Basic with your API key and secret");
  }
  const auto pair = parse_basic(req.get_header_value("Authorization"));
  if (!pair) {
    if (lax) return anonymous;
    throw ApiError(401, "BLUM-401-002",
                   "Malformed Authorization header: expected Basic base64(API_KEY:API_SECRET)");
  }
  bool valid = !pair->first.empty() && !pair->second.empty();
  if (valid && options_.credentials) {
    // Evaluate both comparisons so timing does not reveal which half was wrong.
    const bool key_ok = same_secret(pair->first, options_.credentials->first);
    const bool secret_ok = same_secret(pair->second, options_.credentials->second);
    valid = key_ok && secret_ok;
  }
  if (!valid && !lax) throw ApiError(401, "BLUM-401-003", "Invalid API key or secret");
  if (pair->first.empty() || pair->second.empty()) return anonymous;
  return Identity{pair->first, pair->first + "\n" + crypto::sha256_hex(pair->second)};
}

}  // namespace golive::bluum::emulator::detail
