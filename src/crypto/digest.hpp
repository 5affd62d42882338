#pragma once
/// SHA-256 helpers (OpenSSL). Used for credential fingerprints and profile hashes.
#include <string>
#include <string_view>

namespace golive::crypto {

/// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

/// A short, non-reversible identifier for a secret: "sha256:" + first 12 hex digits.
/// Safe to print; never prints the secret itself.
std::string fingerprint(std::string_view secret);

}  // namespace golive::crypto
