#include "crypto/webhook.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "webhook_test_util.hpp"

using namespace golive::webhook;
using namespace golive::webhook::testing;

namespace {

const std::string kSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const std::string kOtherSecret = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
constexpr std::int64_t kNow = 1700000000;
constexpr int kTolerance = 300;
const SignInput kInput{"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", kNow, R"({"type":"webhook.test"})"};

CustomSchemeConfig custom_config() {
  CustomSchemeConfig c;
  c.signature_header = "X-Signature";
  c.timestamp_header = "X-Timestamp";
  c.id_header = "X-Event-Id";
  c.signed_template = "{id}|{timestamp}|{body}";
  c.signature_prefix = "v1=";
  return c;
}

std::unique_ptr<Scheme> scheme_named(const std::string& name) {
  const auto custom = custom_config();
  return make_scheme(name, &custom);
}

}  // namespace

TEST_CASE("webhook.factory: scheme_names lists the four schemes sorted", "[crypto][webhook]") {
  CHECK(scheme_names() == std::vector<std::string>{"blockchain0x", "custom", "standard", "stripe"});
}

TEST_CASE("webhook.factory: each name builds the scheme of that name", "[crypto][webhook]") {
  for (const auto& name : scheme_names()) CHECK(scheme_named(name)->name() == name);
}

TEST_CASE("webhook.factory: an unknown name is refused with the valid names listed",
          "[crypto][webhook]") {
  CHECK_THROWS_WITH(make_scheme("Stripe"),
                    "unknown webhook scheme 'Stripe'; valid schemes: blockchain0x, custom, "
                    "standard, stripe");
  CHECK_THROWS_AS(make_scheme(""), std::invalid_argument);
}

TEST_CASE("webhook.factory: custom without a description is refused", "[crypto][webhook]") {
  CHECK_THROWS_AS(make_scheme("custom"), std::invalid_argument);
}

TEST_CASE("webhook.find_header: names match case-insensitively, first one wins",
          "[crypto][webhook]") {
  const HeaderList h = {{"Content-Type", "a"}, {"content-type", "b"}};
  CHECK(find_header(h, "CONTENT-TYPE") == "a");
  CHECK_FALSE(find_header(h, "Content-Typ").has_value());
  CHECK_FALSE(find_header({}, "x").has_value());
}

TEST_CASE("webhook.all: sign then verify round trips for every scheme", "[crypto][webhook]") {
  const auto name = GENERATE(from_range(scheme_names()));
  CAPTURE(name);
  const auto scheme = scheme_named(name);
  const auto headers = scheme->sign(kSecret, kInput);
  const auto r = scheme->verify(kSecret, headers, kInput.body, kNow, kTolerance);
  CHECK(r.ok);
  CHECK(r.code == "ok");
}

TEST_CASE("webhook.all: a one-byte body change fails for every scheme", "[crypto][webhook]") {
  const auto name = GENERATE(from_range(scheme_names()));
  CAPTURE(name);
  const auto scheme = scheme_named(name);
  const auto headers = scheme->sign(kSecret, kInput);
  auto body = kInput.body;
  body[2] = 'T';
  CHECK(scheme->verify(kSecret, headers, body, kNow, kTolerance).code == "signature_mismatch");
}

TEST_CASE("webhook.all: a wrong secret fails for every scheme", "[crypto][webhook]") {
  const auto name = GENERATE(from_range(scheme_names()));
  CAPTURE(name);
  const auto scheme = scheme_named(name);
  const auto headers = scheme->sign(kOtherSecret, kInput);
  CHECK(scheme->verify(kSecret, headers, kInput.body, kNow, kTolerance).code ==
        "signature_mismatch");
}

TEST_CASE("webhook.all: stripping header_names leaves an unsigned delivery", "[crypto][webhook]") {
  const auto name = GENERATE(from_range(scheme_names()));
  CAPTURE(name);
  const auto scheme = scheme_named(name);
  auto headers = scheme->sign(kSecret, kInput);
  headers.emplace_back("Content-Type", "application/json");
  for (const auto& h : scheme->header_names()) headers = without(headers, h);
  REQUIRE(headers.size() == 1);
  CHECK_FALSE(scheme->verify(kSecret, headers, kInput.body, kNow, kTolerance).ok);
  // Every header sign() emits is listed.
  for (const auto& [header, value] : scheme->sign(kSecret, kInput)) {
    CHECK(std::find(scheme->header_names().begin(), scheme->header_names().end(), header) !=
          scheme->header_names().end());
  }
}

TEST_CASE("webhook.all: stale timestamps fail, future ones fail unless past-only",
          "[crypto][webhook]") {
  const auto name = GENERATE(from_range(scheme_names()));
  CAPTURE(name);
  const auto scheme = scheme_named(name);
  const auto headers = scheme->sign(kSecret, kInput);
  CHECK(scheme->verify(kSecret, headers, kInput.body, kNow + kTolerance + 1, kTolerance).code ==
        "timestamp_too_old");
  const auto future =
      scheme->verify(kSecret, headers, kInput.body, kNow - kTolerance - 1, kTolerance);
  CHECK(future.ok == (scheme->tolerance_mode() == ToleranceMode::past_only));
}

TEST_CASE("webhook.all: no reason ever contains the secret or the expected signature",
          "[crypto][webhook]") {
  const auto name = GENERATE(from_range(scheme_names()));
  CAPTURE(name);
  const auto scheme = scheme_named(name);
  const auto good = scheme->sign(kSecret, kInput);
  const auto expected_sig = good.back().second;  // the signature header is emitted last
  const auto theirs = scheme->sign(kOtherSecret, kInput);
  std::vector<VerifyResult> results = {
      scheme->verify(kSecret, theirs, kInput.body, kNow, kTolerance),
      scheme->verify(kSecret, good, kInput.body + "x", kNow, kTolerance),
      scheme->verify(kSecret, good, kInput.body, kNow + 10000, kTolerance),
      scheme->verify(kSecret, good, kInput.body, kNow, kTolerance),
      scheme->verify("whsec_!!", good, kInput.body, kNow, kTolerance),
      scheme->verify(kSecret, {}, kInput.body, kNow, kTolerance),
  };
  for (const auto& r : results) {
    CAPTURE(r.code, r.reason);
    CHECK_FALSE(r.reason.empty());
    CHECK(r.reason.find(kSecret) == std::string::npos);
    CHECK(r.reason.find("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == std::string::npos);
    CHECK(r.reason.find("!!") == std::string::npos);
    CHECK(r.reason.find(expected_sig) == std::string::npos);
  }
}
