#include <catch2/catch.hpp>
#include <string>

#include "crypto/webhook.hpp"
#include "webhook_test_util.hpp"

using namespace golive::webhook;
using namespace golive::webhook::testing;

namespace {

// Vector SW-1 (peers.md §4.1), from the Standard Webhooks Go and JS library tests.
const std::string kSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const std::string kId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr std::int64_t kTs = 1614265330;
const std::string kBody = R"({"test": 2432232314})";
const std::string kSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const std::string kWrong = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
constexpr int kTolerance = 300;

const Scheme& standard() {
  static const auto scheme = make_scheme("standard");
  return *scheme;
}

HeaderList sw1() {
  return standard().sign(kSecret, {kId, kTs, kBody});
}

VerifyResult verify(const HeaderList& headers, std::int64_t now = kTs, int tolerance = kTolerance) {
  return standard().verify(kSecret, headers, kBody, now, tolerance);
}

}  // namespace

TEST_CASE("webhook.standard: published vector SW-1 reproduces", "[crypto][webhook]") {
  const HeaderList expected = {
      {"webhook-id", kId}, {"webhook-timestamp", "1614265330"}, {"webhook-signature", kSignature}};
  CHECK(sw1() == expected);
}

TEST_CASE("webhook.standard: SW-1 verifies at its own timestamp", "[crypto][webhook]") {
  const auto r = verify(sw1());
  CHECK(r.ok);
  CHECK(r.code == "ok");
}

TEST_CASE("webhook.standard: a key without the whsec_ prefix is read as base64",
          "[crypto][webhook]") {
  const auto headers = standard().sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", {kId, kTs, kBody});
  CHECK(value_of(headers, "webhook-signature") == kSignature);
}

TEST_CASE("webhook.standard: header names match case-insensitively", "[crypto][webhook]") {
  const HeaderList headers = {
      {"Webhook-Id", kId}, {"WEBHOOK-TIMESTAMP", "1614265330"}, {"Webhook-Signature", kSignature}};
  CHECK(verify(headers).ok);
}

TEST_CASE("webhook.standard: a missing webhook-id fails with id_missing", "[crypto][webhook]") {
  CHECK(verify(without(sw1(), "webhook-id")).code == "id_missing");
  CHECK(verify(replaced(sw1(), "webhook-id", "")).code == "id_missing");
}

TEST_CASE("webhook.standard: a missing webhook-timestamp fails with timestamp_missing",
          "[crypto][webhook]") {
  const auto r = verify(without(sw1(), "webhook-timestamp"));
  CHECK_FALSE(r.ok);
  CHECK(r.code == "timestamp_missing");
  CHECK(r.reason == "the webhook-timestamp header is missing");
}

TEST_CASE("webhook.standard: a missing webhook-signature fails with signature_missing",
          "[crypto][webhook]") {
  CHECK(verify(without(sw1(), "webhook-signature")).code == "signature_missing");
}

TEST_CASE("webhook.standard: a non-numeric timestamp fails with timestamp_invalid",
          "[crypto][webhook]") {
  for (const char* bad :
       {"abc", "12a", "", "-1614265330", "+1614265330", " 1614265330", "1614265330.0", "1e9"}) {
    CAPTURE(bad);
    const auto r = verify(replaced(sw1(), "webhook-timestamp", bad), kTs, kIgnoreTolerance);
    CHECK(r.code == "timestamp_invalid");
  }
  CHECK(verify(replaced(sw1(), "webhook-timestamp", "abc")).reason ==
        "webhook-timestamp 'abc' is not a whole number of Unix seconds");
}

TEST_CASE("webhook.standard: a signature of just 'v1,' is malformed", "[crypto][webhook]") {
  const auto r = verify(replaced(sw1(), "webhook-signature", "v1,"));
  CHECK_FALSE(r.ok);
  CHECK(r.code == "signature_malformed");
}

TEST_CASE("webhook.standard: a truncated signature is malformed", "[crypto][webhook]") {
  const auto drop_pad = kSignature.substr(0, kSignature.size() - 1);
  const auto drop_four = kSignature.substr(0, kSignature.size() - 4);
  CHECK(verify(replaced(sw1(), "webhook-signature", drop_pad)).code == "signature_malformed");
  CHECK(verify(replaced(sw1(), "webhook-signature", drop_four)).code == "signature_malformed");
}

TEST_CASE("webhook.standard: the published wrong signature fails with signature_mismatch",
          "[crypto][webhook]") {
  const auto r = verify(replaced(sw1(), "webhook-signature", kWrong));
  CHECK_FALSE(r.ok);
  CHECK(r.code == "signature_mismatch");
  CHECK(r.reason ==
        "no v1 entry in webhook-signature matches the signature computed with the secret (1 "
        "checked)");
}

TEST_CASE("webhook.standard: a multi-signature header with decoys passes", "[crypto][webhook]") {
  const auto decoys =
      kWrong + " v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + kSignature + " " + kWrong;
  const auto r = verify(replaced(sw1(), "webhook-signature", decoys));
  CHECK(r.ok);
  CHECK(r.reason == "v1 entry 2 of 3 in webhook-signature matches");
}

TEST_CASE("webhook.standard: a header with only unknown versions has no signature",
          "[crypto][webhook]") {
  const auto r = verify(replaced(sw1(), "webhook-signature",
                                 "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v2,abc"));
  CHECK(r.code == "signature_missing");
  CHECK(r.reason == "webhook-signature has no v1 entry");
}

TEST_CASE("webhook.standard: a timestamp 5 min + 1 s old fails, exactly 5 min passes",
          "[crypto][webhook]") {
  const auto r = verify(sw1(), kTs + 301);
  CHECK(r.code == "timestamp_too_old");
  CHECK(r.reason ==
        "webhook-timestamp 1614265330 is 301 s older than now (1614265631); the tolerance is "
        "300 s");
  CHECK(verify(sw1(), kTs + 300).ok);
}

TEST_CASE("webhook.standard: a timestamp 5 min + 1 s in the future fails, exactly 5 min passes",
          "[crypto][webhook]") {
  CHECK(verify(sw1(), kTs - 301).code == "timestamp_too_new");
  CHECK(verify(sw1(), kTs - 300).ok);
}

TEST_CASE("webhook.standard: ignoring tolerance accepts any age but still checks the signature",
          "[crypto][webhook]") {
  CHECK(verify(sw1(), kTs + 86400 * 365, kIgnoreTolerance).ok);
}

TEST_CASE("webhook.standard: changing the timestamp without re-signing fails",
          "[crypto][webhook]") {
  const auto moved = replaced(sw1(), "webhook-timestamp", "1614265331");
  CHECK(verify(moved, kTs, kIgnoreTolerance).code == "signature_mismatch");
  CHECK(verify(moved, kTs).code == "signature_mismatch");
}

TEST_CASE("webhook.standard: changing the id without re-signing fails", "[crypto][webhook]") {
  CHECK(verify(replaced(sw1(), "webhook-id", "msg_other")).code == "signature_mismatch");
}

TEST_CASE("webhook.standard: an undecodable secret is secret_invalid and sign throws",
          "[crypto][webhook]") {
  for (const char* bad : {"whsec_not base64!", "whsec_", "", "whsec_A"}) {
    CAPTURE(bad);
    const auto r = standard().verify(bad, sw1(), kBody, kTs, kTolerance);
    CHECK(r.code == "secret_invalid");
    CHECK_THROWS_WITH(standard().sign(bad, {kId, kTs, kBody}),
                      "the webhook secret is not 'whsec_' followed by a non-empty base64 key");
  }
}

TEST_CASE("webhook.standard: header_names lists the three signed headers", "[crypto][webhook]") {
  CHECK(standard().header_names() ==
        std::vector<std::string>{"webhook-id", "webhook-timestamp", "webhook-signature"});
  CHECK(standard().tolerance_mode() == ToleranceMode::two_sided);
}
