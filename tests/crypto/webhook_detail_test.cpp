#include "crypto/webhook_detail.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

using namespace golive::webhook;
using namespace golive::webhook::detail;

TEST_CASE("webhook.detail: parse_timestamp accepts only plain decimal digits",
          "[crypto][webhook]") {
  CHECK(parse_timestamp("0") == 0);
  CHECK(parse_timestamp("1614265330") == 1614265330);
  CHECK(parse_timestamp("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
  for (const char* bad : {"", "12a", "-1", "+1", " 1", "1 ", "1.0", "0x10", "9223372036854775808",
                          "99999999999999999999"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_timestamp(bad).has_value());
  }
}

TEST_CASE("webhook.detail: check_timestamp applies the window at its edges", "[crypto][webhook]") {
  CHECK_FALSE(check_timestamp("h", "1000", 1300, 300, ToleranceMode::two_sided).has_value());
  CHECK(check_timestamp("h", "1000", 1301, 300, ToleranceMode::two_sided)->code ==
        "timestamp_too_old");
  CHECK(check_timestamp("h", "1301", 1000, 300, ToleranceMode::two_sided)->code ==
        "timestamp_too_new");
  CHECK_FALSE(check_timestamp("h", "1301", 1000, 300, ToleranceMode::past_only).has_value());
  CHECK_FALSE(check_timestamp("h", "0", 1700000000, kIgnoreTolerance, ToleranceMode::two_sided)
                  .has_value());
  // Extreme values must not overflow.
  CHECK(check_timestamp("h", "9223372036854775807", 0, 300, ToleranceMode::two_sided)->code ==
        "timestamp_too_new");
  CHECK(check_timestamp("h", "0", std::numeric_limits<std::int64_t>::max(), 300,
                        ToleranceMode::two_sided)
            ->code == "timestamp_too_old");
}

TEST_CASE("webhook.detail: quote makes untrusted text printable and short", "[crypto][webhook]") {
  CHECK(quote("abc") == "'abc'");
  CHECK(quote(std::string("a\nb\0c", 5)) == "'a?b?c'");
  CHECK(quote(std::string(50, 'x')) == "'" + std::string(40, 'x') + "...'");
}

TEST_CASE("webhook.detail: parse_key_values reads t and every v1, ignoring stray items",
          "[crypto][webhook]") {
  const auto kv = parse_key_values("t=1, v1=aa ,v0=bb,junk,v1=cc,t=2");
  CHECK(kv.t == "1");
  CHECK(kv.v1 == std::vector<std::string_view>{"aa", "cc"});
  CHECK(kv.keys.size() == 5);
}

TEST_CASE("webhook.detail: decode_base64_lenient adds missing padding", "[crypto][webhook]") {
  CHECK(decode_base64_lenient("Zg") == std::string("f"));
  CHECK(decode_base64_lenient("Zm8") == std::string("fo"));
  CHECK(decode_base64_lenient("Zm8=") == std::string("fo"));
  CHECK_FALSE(decode_base64_lenient("Z").has_value());
}
