#include "crypto/hmac.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "crypto/encoding.hpp"

using golive::crypto::hex_encode;
using golive::crypto::hmac_sha256;

// Expected values are the published HMAC-SHA-256 outputs from RFC 4231 §4.

TEST_CASE("crypto.hmac: RFC 4231 test case 1 (20-byte key)", "[crypto][hmac]") {
  CHECK(hex_encode(hmac_sha256(std::string(20, '\x0b'), "Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST_CASE("crypto.hmac: RFC 4231 test case 2 (key shorter than output)", "[crypto][hmac]") {
  CHECK(hex_encode(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("crypto.hmac: RFC 4231 test case 3 (50 bytes of 0xdd)", "[crypto][hmac]") {
  CHECK(hex_encode(hmac_sha256(std::string(20, '\xaa'), std::string(50, '\xdd'))) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

TEST_CASE("crypto.hmac: RFC 4231 test case 4 (25-byte counting key)", "[crypto][hmac]") {
  std::string key;
  for (char c = 1; c <= 25; ++c) key.push_back(c);
  CHECK(hex_encode(hmac_sha256(key, std::string(50, '\xcd'))) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

TEST_CASE("crypto.hmac: RFC 4231 test case 6 (key larger than block size)", "[crypto][hmac]") {
  CHECK(hex_encode(hmac_sha256(std::string(131, '\xaa'),
                               "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("crypto.hmac: RFC 4231 test case 7 (key and data larger than block size)",
          "[crypto][hmac]") {
  CHECK(hex_encode(hmac_sha256(
            std::string(131, '\xaa'),
            "This is a test using a larger than block-size key and a larger than block-size "
            "data. The key needs to be hashed before being used by the HMAC algorithm.")) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("crypto.hmac: empty key and empty data are accepted", "[crypto][hmac]") {
  // Same value as `openssl dgst -sha256 -hmac ''` on empty input.
  CHECK(hex_encode(hmac_sha256("", "")) ==
        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_CASE("crypto.hmac: output is 32 raw bytes and keys containing NUL are kept whole",
          "[crypto][hmac]") {
  const std::string with_nul("a\0b", 3);
  CHECK(hmac_sha256(with_nul, "x").size() == 32);
  CHECK(hmac_sha256(with_nul, "x") != hmac_sha256("a", "x"));
}
