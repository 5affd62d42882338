#include "crypto/hmac.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <limits>
#include <stdexcept>

namespace golive::crypto {

std::string hmac_sha256(std::string_view key, std::string_view data) {
  if (key.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw std::length_error("HMAC key too large");
  }
  // OpenSSL refuses a null key pointer, which an empty string_view may carry.
  static constexpr unsigned char kEmpty[1] = {0};
  const auto* key_ptr = key.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(key.data());
  const auto* data_ptr =
      data.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(data.data());
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key_ptr, static_cast<int>(key.size()), data_ptr, data.size(), md.data(),
           &len) == nullptr) {
    throw std::runtime_error("HMAC-SHA256 failed (OpenSSL HMAC)");
  }
  return std::string(reinterpret_cast<const char*>(md.data()), len);
}

}  // namespace golive::crypto
