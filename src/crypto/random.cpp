#include "crypto/random.hpp"

#include <openssl/rand.h>

#include <cstdint>
#include <random>
#include <stdexcept>

#include "crypto/encoding.hpp"

namespace golive::crypto {

std::string random_bytes(size_t n) {
  std::string out(n, '\0');
  if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return out;
}

std::string random_hex(size_t n) {
  return hex_encode(random_bytes((n + 1) / 2)).substr(0, n);
}

std::string os_random_hex(size_t n) {
  std::random_device device;
  std::string bytes;
  bytes.reserve((n + 1) / 2 + sizeof(unsigned int));
  while (bytes.size() < (n + 1) / 2) {
    const unsigned int word = device();
    for (size_t i = 0; i < sizeof word; ++i) bytes.push_back(static_cast<char>(word >> (8 * i)));
  }
  return hex_encode(bytes).substr(0, n);
}

double random_unit() {
  const std::string bytes = random_bytes(8);
  std::uint64_t v = 0;
  for (const char b : bytes) v = (v << 8) | static_cast<unsigned char>(b);
  constexpr std::uint64_t kMax = (std::uint64_t{1} << 53) - 1;
  return static_cast<double>(v & kMax) / static_cast<double>(kMax);
}

}  // namespace golive::crypto
