#include "crypto/digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "crypto/encoding.hpp"

namespace golive::crypto {

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  }
  return hex_encode(std::string_view(reinterpret_cast<const char*>(md.data()), len));
}

std::string fingerprint(std::string_view secret) {
  return "sha256:" + sha256_hex(secret).substr(0, 12);
}

}  // namespace golive::crypto
