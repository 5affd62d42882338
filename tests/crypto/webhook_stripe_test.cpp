#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"
#include "crypto/webhook.hpp"
#include "webhook_test_util.hpp"

using namespace golive::webhook;
using namespace golive::webhook::testing;

namespace {

// Vector ST-1 (peers.md §4.2): self-computed, agreed by Python hmac, openssl and stripe-node.
const std::string kSecret = "whsec_test_secret";
constexpr std::int64_t kTs = 1614265330;
const std::string kBody = R"({"test": 2432232314})";
const std::string kDigest = "10c96c6fd3f320fcfc264cdc4f476c15060ede8e8a08404cea2ddf3b72544a9c";
const std::string kHeader = "t=1614265330,v1=" + kDigest;
const std::string kWrongDigest = std::string(64, 'a');
constexpr int kTolerance = 300;

const Scheme& stripe() {
  static const auto scheme = make_scheme("stripe");
  return *scheme;
}

const Scheme& b0x() {
  static const auto scheme = make_scheme("blockchain0x");
  return *scheme;
}

VerifyResult verify_stripe(const std::string& header, std::int64_t now = kTs,
                           const std::string& body = kBody) {
  return stripe().verify(kSecret, {{"Stripe-Signature", header}}, body, now, kTolerance);
}

VerifyResult verify_b0x(const HeaderList& headers, std::int64_t now = kTs) {
  return b0x().verify(kSecret, headers, kBody, now, kTolerance);
}

}  // namespace

TEST_CASE("webhook.stripe: vector ST-1 reproduces", "[crypto][webhook]") {
  const HeaderList expected = {{"Stripe-Signature", kHeader}};
  CHECK(stripe().sign(kSecret, {"evt_ignored", kTs, kBody}) == expected);
}

TEST_CASE("webhook.stripe: ST-1 verifies at its own timestamp", "[crypto][webhook]") {
  const auto r = verify_stripe(kHeader);
  CHECK(r.ok);
  CHECK(r.reason == "v1 signature 1 of 1 in Stripe-Signature matches");
}

TEST_CASE("webhook.stripe: the key is the whole secret string, not base64-decoded",
          "[crypto][webhook]") {
  CHECK(stripe().sign("test_secret", {"", kTs, kBody}) != stripe().sign(kSecret, {"", kTs, kBody}));
}

TEST_CASE("webhook.stripe: a header with only v0 is rejected", "[crypto][webhook]") {
  const auto r = verify_stripe("t=1614265330,v0=" + kDigest);
  CHECK_FALSE(r.ok);
  CHECK(r.code == "signature_missing");
}

TEST_CASE("webhook.stripe: any matching v1 among several passes, v0 decoys ignored",
          "[crypto][webhook]") {
  const auto header = "t=1614265330,v0=" + kWrongDigest + ",v1=" + kWrongDigest + ", v1=" + kDigest;
  const auto r = verify_stripe(header);
  CHECK(r.ok);
  CHECK(r.reason == "v1 signature 2 of 2 in Stripe-Signature matches");
}

TEST_CASE("webhook.stripe: a timestamp 5 min + 1 s old fails, exactly 5 min passes",
          "[crypto][webhook]") {
  const auto r = verify_stripe(kHeader, kTs + 301);
  CHECK(r.code == "timestamp_too_old");
  CHECK(r.reason ==
        "Stripe-Signature t=1614265330 is 301 s older than now (1614265631); the tolerance is "
        "300 s");
  CHECK(verify_stripe(kHeader, kTs + 300).ok);
}

TEST_CASE("webhook.stripe: a future timestamp is accepted (past-only tolerance)",
          "[crypto][webhook]") {
  CHECK(verify_stripe(kHeader, kTs - 301).ok);
  CHECK(verify_stripe(kHeader, kTs - 3600).ok);
  CHECK(stripe().tolerance_mode() == ToleranceMode::past_only);
}

TEST_CASE("webhook.stripe: missing or malformed parts get specific codes", "[crypto][webhook]") {
  CHECK(stripe().verify(kSecret, {}, kBody, kTs, kTolerance).code == "signature_missing");
  CHECK(verify_stripe("garbage").code == "signature_malformed");
  CHECK(verify_stripe("v1=" + kDigest).code == "timestamp_missing");
  CHECK(verify_stripe("t=16142x5330,v1=" + kDigest).code == "timestamp_invalid");
  CHECK(verify_stripe("t=-1614265330,v1=" + kDigest).code == "timestamp_invalid");
  CHECK(verify_stripe("t=1614265330,v1=").code == "signature_malformed");
  CHECK(verify_stripe("t=1614265330,v1=" + kDigest.substr(0, 62)).code == "signature_malformed");
  CHECK(verify_stripe("t=1614265330,v1=" + kWrongDigest).code == "signature_mismatch");
}

TEST_CASE("webhook.stripe: changing t without re-signing fails", "[crypto][webhook]") {
  CHECK(verify_stripe("t=1614265331,v1=" + kDigest).code == "signature_mismatch");
}

TEST_CASE("webhook.stripe: a tampered body or a wrong secret fails", "[crypto][webhook]") {
  auto body = kBody;
  body[9] = '3';
  CHECK(verify_stripe(kHeader, kTs, body).code == "signature_mismatch");
  CHECK(stripe()
            .verify("whsec_other", {{"Stripe-Signature", kHeader}}, kBody, kTs, kTolerance)
            .code == "signature_mismatch");
  CHECK(stripe().verify("", {{"Stripe-Signature", kHeader}}, kBody, kTs, kTolerance).code ==
        "secret_invalid");
  CHECK_THROWS_AS(stripe().sign("", {"", kTs, kBody}), std::invalid_argument);
}

TEST_CASE("webhook.blockchain0x: sign emits t=,v1= over t.rawBody plus timestamp and event id",
          "[crypto][webhook]") {
  // Same algorithm as Stripe (hex HMAC of "t.body", raw key), so ST-1 doubles as a vector.
  const HeaderList expected = {{"X-Blockchain0x-Event-Id", "01HZX3TESTEVENT"},
                               {"X-Blockchain0x-Timestamp", "1614265330"},
                               {"X-Blockchain0x-Signature", kHeader}};
  CHECK(b0x().sign(kSecret, {"01HZX3TESTEVENT", kTs, kBody}) == expected);
  CHECK(b0x().header_names() == std::vector<std::string>{"X-Blockchain0x-Event-Id",
                                                         "X-Blockchain0x-Timestamp",
                                                         "X-Blockchain0x-Signature"});
}

TEST_CASE("webhook.blockchain0x: the t=,v1= header form verifies", "[crypto][webhook]") {
  CHECK(verify_b0x(b0x().sign(kSecret, {"evt", kTs, kBody})).ok);
  CHECK(verify_b0x({{"x-blockchain0x-signature", kHeader}}).ok);
}

TEST_CASE("webhook.blockchain0x: the bare hex form reads X-Blockchain0x-Timestamp",
          "[crypto][webhook]") {
  const auto hex = golive::crypto::hex_encode(
      golive::crypto::hmac_sha256(kSecret, std::to_string(kTs) + "." + kBody));
  CHECK(hex == kDigest);
  const HeaderList bare = {{"X-Blockchain0x-Timestamp", "1614265330"},
                           {"X-Blockchain0x-Signature", hex}};
  CHECK(verify_b0x(bare).ok);
  CHECK(verify_b0x(without(bare, "X-Blockchain0x-Timestamp")).code == "timestamp_missing");
  CHECK(verify_b0x(replaced(bare, "X-Blockchain0x-Timestamp", "1614265331")).code ==
        "signature_mismatch");
  CHECK(verify_b0x(replaced(bare, "X-Blockchain0x-Timestamp", "soon")).code == "timestamp_invalid");
  CHECK(verify_b0x(replaced(bare, "X-Blockchain0x-Signature", "zz")).code == "signature_malformed");
}

TEST_CASE("webhook.blockchain0x: the window is two-sided 300 s", "[crypto][webhook]") {
  const HeaderList headers = {{"X-Blockchain0x-Signature", kHeader}};
  CHECK(verify_b0x(headers, kTs + 301).code == "timestamp_too_old");
  CHECK(verify_b0x(headers, kTs - 301).code == "timestamp_too_new");
  CHECK(verify_b0x(headers, kTs + 300).ok);
  CHECK(verify_b0x(headers, kTs - 300).ok);
  CHECK(b0x().tolerance_mode() == ToleranceMode::two_sided);
}

TEST_CASE("webhook.blockchain0x: missing, wrong or tampered signatures fail", "[crypto][webhook]") {
  const auto signed_headers = b0x().sign(kSecret, {"evt", kTs, kBody});
  CHECK(verify_b0x(without(signed_headers, "X-Blockchain0x-Signature")).code ==
        "signature_missing");
  CHECK(verify_b0x({{"X-Blockchain0x-Signature", "t=1614265330,v0=" + kDigest}}).code ==
        "signature_missing");
  CHECK(verify_b0x({{"X-Blockchain0x-Signature", "t=1614265330,v1=" + kWrongDigest}}).code ==
        "signature_mismatch");
  CHECK(b0x().verify(kSecret, signed_headers, kBody + " ", kTs, kTolerance).code ==
        "signature_mismatch");
  CHECK(b0x().verify("", signed_headers, kBody, kTs, kTolerance).code == "secret_invalid");
}
