#include "crypto/digest.hpp"

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 but kept through 3.x. They hash with the
// same assembly as EVP, without EVP's first fetch: that builds the default provider's digest
// table, 3 M instructions a process, a tenth of a short `check` (docs/benchmarks.md).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

#include "crypto/encoding.hpp"

namespace golive::crypto {

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> md{};
  SHA256_CTX ctx;
  if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, data.data(), data.size()) != 1 ||
      SHA256_Final(md.data(), &ctx) != 1) {
    throw std::runtime_error("SHA-256 failed (OpenSSL SHA256_Final)");
  }
  return hex_encode(std::string_view(reinterpret_cast<const char*>(md.data()), md.size()));
}

std::string fingerprint(std::string_view secret) {
  return "sha256:" + sha256_hex(secret).substr(0, 12);
}

}  // namespace golive::crypto
