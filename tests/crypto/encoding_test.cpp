#include "crypto/encoding.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace golive::crypto;

TEST_CASE("crypto.encoding: hex round trip keeps every byte value", "[crypto][encoding]") {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  const auto hex = hex_encode(all);
  CHECK(hex.size() == 512);
  CHECK(hex.substr(0, 8) == "00010203");
  CHECK(hex.substr(504) == "fcfdfeff");
  CHECK(hex_decode(hex) == all);
}

TEST_CASE("crypto.encoding: hex_decode accepts upper case and rejects bad input",
          "[crypto][encoding]") {
  CHECK(hex_decode("DEADbeef") == std::string("\xde\xad\xbe\xef"));
  CHECK(hex_decode("") == std::string());
  CHECK_FALSE(hex_decode("abc").has_value());
  CHECK_FALSE(hex_decode("zz").has_value());
  CHECK_FALSE(hex_decode("0x12").has_value());
  CHECK_FALSE(hex_decode("12 4").has_value());
}

TEST_CASE("crypto.encoding: base64 matches RFC 4648 section 10 vectors", "[crypto][encoding]") {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    CAPTURE(plain);
    CHECK(base64_encode(plain) == encoded);
    CHECK(base64_decode(encoded) == std::string(plain));
  }
}

TEST_CASE("crypto.encoding: base64_decode strips padding bytes from the result",
          "[crypto][encoding]") {
  // EVP_DecodeBlock reports 3 bytes per 4 characters; padding must be subtracted.
  CHECK(base64_decode("AA==")->size() == 1);
  CHECK(base64_decode("AAA=")->size() == 2);
  CHECK(base64_decode("AAAA")->size() == 3);
  CHECK(base64_decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")->size() == 24);
  const std::string binary("\0\xff\x10", 3);
  CHECK(base64_decode(base64_encode(binary)) == binary);
}

TEST_CASE("crypto.encoding: base64_decode rejects invalid input", "[crypto][encoding]") {
  for (const char* bad : {"Zg", "Zg=", "Z===", "====", "Zm9v!A==", "Zm9v\nYmFy", " Zm9v", "Zm9v ",
                          "Zg==Zg==", "Z=g=", "Zm-_", "A"}) {
    CAPTURE(bad);
    CHECK_FALSE(base64_decode(bad).has_value());
  }
}

TEST_CASE("crypto.encoding: constant_time_equal compares contents and lengths",
          "[crypto][encoding]") {
  CHECK(constant_time_equal("", ""));
  CHECK(constant_time_equal("abc", "abc"));
  CHECK_FALSE(constant_time_equal("abc", "abd"));
  CHECK_FALSE(constant_time_equal("abc", "ab"));
  CHECK_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}
