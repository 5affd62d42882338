#pragma once
/// HMAC-SHA256 (RFC 2104 / FIPS 198-1) via OpenSSL.
#include <string>
#include <string_view>

namespace golive::crypto {

/// Raw 32-byte HMAC-SHA256 of `data` under `key`. Keys of any length work (including empty);
/// keys longer than the 64-byte block are hashed first, as RFC 2104 requires.
/// Throws std::runtime_error if OpenSSL fails (never expected in practice).
std::string hmac_sha256(std::string_view key, std::string_view data);

}  // namespace golive::crypto
