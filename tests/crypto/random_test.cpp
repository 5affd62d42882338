#include <catch2/catch.hpp>

#include <set>

#include "crypto/random.hpp"

using namespace golive::crypto;

TEST_CASE("crypto.random: random_bytes gives the asked length and differs between calls",
          "[crypto][unit]") {
  CHECK(random_bytes(0).empty());
  const auto a = random_bytes(32);
  CHECK(a.size() == 32);
  CHECK(a != random_bytes(32));
}

TEST_CASE("crypto.random: random_hex gives n lower-case hex characters", "[crypto][unit]") {
  for (size_t n : {0, 1, 7, 32}) {
    const auto h = random_hex(n);
    CHECK(h.size() == n);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
}

TEST_CASE("crypto.random: random_unit stays within [0, 1] and spreads over it", "[crypto][unit]") {
  bool low = false, high = false;
  std::set<double> seen;
  for (int i = 0; i < 1000; ++i) {
    const double u = random_unit();
    REQUIRE(u >= 0.0);
    REQUIRE(u <= 1.0);
    low = low || u < 0.25;
    high = high || u > 0.75;
    seen.insert(u);
  }
  CHECK(low);
  CHECK(high);
  CHECK(seen.size() > 990);
}
