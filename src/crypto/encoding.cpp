#include "crypto/encoding.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <vector>

namespace golive::crypto {
namespace {

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

/// EVP_EncodeBlock/EVP_DecodeBlock take an int length; refuse anything larger.
int checked_int(std::size_t n) {
  if (n > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2)) {
    throw std::length_error("input too large for base64 (over 1 GiB)");
  }
  return static_cast<int>(n);
}

}  // namespace

std::string hex_encode(std::string_view bytes) {
  if (bytes.empty()) return {};
  // OpenSSL writes upper case digits and a NUL; the tool's hex is lower case.
  std::string out(bytes.size() * 2 + 1, '\0');
  std::size_t len = 0;
  if (OPENSSL_buf2hexstr_ex(out.data(), out.size(), &len,
                            reinterpret_cast<const unsigned char*>(bytes.data()),
                            static_cast<long>(bytes.size()), '\0') != 1) {
    throw std::runtime_error("hex encoding failed (OpenSSL)");
  }
  out.resize(bytes.size() * 2);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> hex_decode(std::string_view hex) {
  if (hex.empty()) return std::string();
  // OpenSSL reads a C string: an embedded NUL would end it early.
  if (hex.size() % 2 != 0 || hex.find('\0') != std::string_view::npos) return std::nullopt;
  const std::string text(hex);
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (OPENSSL_hexstr2buf_ex(reinterpret_cast<unsigned char*>(out.data()), out.size(), &len,
                            text.c_str(), '\0') != 1 ||
      len != out.size()) {
    return std::nullopt;
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  const int in_len = checked_int(bytes.size());
  // 4 output characters per 3 input bytes, plus the NUL EVP_EncodeBlock writes.
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int n =
      EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()), in_len);
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.empty()) return std::string();
  if (text.size() % 4 != 0) return std::nullopt;
  // EVP_DecodeBlock tolerates surrounding whitespace and misplaced '=', so validate first.
  std::size_t padding = 0;
  while (padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  if (padding > 2) return std::nullopt;
  for (std::size_t i = 0; i < text.size() - padding; ++i) {
    if (!is_base64_char(text[i])) return std::nullopt;
  }
  const int in_len = checked_int(text.size());
  std::vector<unsigned char> out(3 * (text.size() / 4) + 1);
  const int n =
      EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), in_len);
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the bytes the padding stands for; drop them.
  const auto len = static_cast<std::size_t>(n);
  if (len < padding) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out.data()), len - padding);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace golive::crypto
