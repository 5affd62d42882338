#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"
#include "crypto/webhook.hpp"
#include "webhook_test_util.hpp"

using namespace golive::webhook;
using namespace golive::webhook::testing;
using golive::crypto::hex_encode;
using golive::crypto::hmac_sha256;

namespace {

constexpr std::int64_t kTs = 1614265330;
const std::string kBody = R"({"test": 2432232314})";
constexpr int kTolerance = 300;

/// A GitHub-like scheme: "sha256=" + hex over the body alone, raw key, no timestamp.
CustomSchemeConfig body_only() {
  CustomSchemeConfig c;
  c.signature_header = "X-Hub-Signature-256";
  c.signed_template = "{body}";
  c.signature_prefix = "sha256=";
  return c;
}

/// Standard Webhooks described as a custom scheme, so SW-1 must reproduce.
CustomSchemeConfig standard_like() {
  CustomSchemeConfig c;
  c.signature_header = "webhook-signature";
  c.timestamp_header = "webhook-timestamp";
  c.id_header = "webhook-id";
  c.signed_template = "{id}.{timestamp}.{body}";
  c.signature_prefix = "v1,";
  c.key_encoding = KeyEncoding::base64;
  c.key_prefix = "whsec_";
  c.digest = DigestEncoding::base64;
  return c;
}

}  // namespace

TEST_CASE("webhook.custom: a body-only hex scheme round trips and matches an independent HMAC",
          "[crypto][webhook]") {
  const auto config = body_only();
  const auto scheme = make_scheme("custom", &config);
  const auto headers = scheme->sign("s3cret", {"ignored", kTs, kBody});
  REQUIRE(headers.size() == 1);
  CHECK(value_of(headers, "X-Hub-Signature-256") ==
        "sha256=" + hex_encode(hmac_sha256("s3cret", kBody)));
  CHECK(scheme->verify("s3cret", headers, kBody, kTs, kTolerance).ok);
  // No timestamp header configured: no window applies.
  CHECK(scheme->verify("s3cret", headers, kBody, kTs + 86400, kTolerance).ok);
}

TEST_CASE("webhook.custom: tampered body, wrong secret and missing prefix fail",
          "[crypto][webhook]") {
  const auto config = body_only();
  const auto scheme = make_scheme("custom", &config);
  const auto headers = scheme->sign("s3cret", {"", kTs, kBody});
  auto body = kBody;
  body.back() = ']';
  CHECK(scheme->verify("s3cret", headers, body, kTs, kTolerance).code == "signature_mismatch");
  CHECK(scheme->verify("other", headers, kBody, kTs, kTolerance).code == "signature_mismatch");
  const auto bare = value_of(headers, "X-Hub-Signature-256").substr(7);
  const auto r = scheme->verify("s3cret", replaced(headers, "X-Hub-Signature-256", bare), kBody,
                                kTs, kTolerance);
  CHECK(r.code == "signature_malformed");
  CHECK(scheme->verify("s3cret", {}, kBody, kTs, kTolerance).code == "signature_missing");
  CHECK(scheme->verify("", headers, kBody, kTs, kTolerance).code == "secret_invalid");
}

TEST_CASE("webhook.custom: Standard Webhooks described as custom reproduces SW-1",
          "[crypto][webhook]") {
  const auto config = standard_like();
  const auto scheme = make_scheme("custom", &config);
  const auto headers = scheme->sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                                    {"msg_p5jXN8AQM9LWM0D4loKWxJek", kTs, kBody});
  CHECK(value_of(headers, "webhook-signature") ==
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  CHECK(scheme->header_names() ==
        std::vector<std::string>{"webhook-id", "webhook-timestamp", "webhook-signature"});
}

TEST_CASE("webhook.custom: id and timestamp headers are required and the window applies",
          "[crypto][webhook]") {
  const auto config = standard_like();
  const auto scheme = make_scheme("custom", &config);
  const std::string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const auto headers = scheme->sign(secret, {"msg_1", kTs, kBody});
  const auto verify = [&](const HeaderList& h, std::int64_t now = kTs) {
    return scheme->verify(secret, h, kBody, now, kTolerance).code;
  };
  CHECK(verify(headers) == "ok");
  CHECK(verify(without(headers, "webhook-id")) == "id_missing");
  CHECK(verify(without(headers, "webhook-timestamp")) == "timestamp_missing");
  CHECK(verify(replaced(headers, "webhook-timestamp", "12a")) == "timestamp_invalid");
  CHECK(verify(replaced(headers, "webhook-timestamp", "1614265331")) == "signature_mismatch");
  CHECK(verify(replaced(headers, "webhook-id", "msg_2")) == "signature_mismatch");
  CHECK(verify(headers, kTs + 301) == "timestamp_too_old");
  CHECK(verify(headers, kTs - 301) == "timestamp_too_new");
  CHECK(scheme->verify("whsec_!!", headers, kBody, kTs, kTolerance).code == "secret_invalid");
  CHECK_THROWS_WITH(scheme->sign("whsec_!!", {"msg_1", kTs, kBody}),
                    "the webhook secret is not 'whsec_' followed by a non-empty base64 key");
}

TEST_CASE("webhook.custom: past_only tolerance accepts future timestamps", "[crypto][webhook]") {
  auto config = body_only();
  config.timestamp_header = "X-Timestamp";
  config.signed_template = "{timestamp}.{body}";
  config.digest = DigestEncoding::base64;
  config.tolerance = ToleranceMode::past_only;
  const auto scheme = make_scheme("custom", &config);
  const auto headers = scheme->sign("k", {"", kTs, kBody});
  CHECK(scheme->tolerance_mode() == ToleranceMode::past_only);
  CHECK(scheme->verify("k", headers, kBody, kTs - 3600, kTolerance).ok);
  CHECK(scheme->verify("k", headers, kBody, kTs + 301, kTolerance).code == "timestamp_too_old");
}

TEST_CASE("webhook.custom: placeholders inside the body are not substituted", "[crypto][webhook]") {
  auto config = body_only();
  config.timestamp_header = "X-Timestamp";
  config.signed_template = "{timestamp}:{body}";
  const auto scheme = make_scheme("custom", &config);
  const std::string body = "{timestamp}{id}{body}";
  const auto headers = scheme->sign("k", {"", kTs, body});
  CHECK(value_of(headers, "X-Hub-Signature-256") ==
        "sha256=" + hex_encode(hmac_sha256("k", "1614265330:{timestamp}{id}{body}")));
  CHECK(scheme->verify("k", headers, body, kTs, kTolerance).ok);
}

TEST_CASE("webhook.custom: invalid configurations are refused with a specific message",
          "[crypto][webhook]") {
  auto c = body_only();
  c.signature_header = "";
  CHECK_THROWS_WITH(make_scheme("custom", &c),
                    "custom webhook scheme: signature_header must be a header name, got ''");
  c = body_only();
  c.signed_template = "{ts}.{body}";
  CHECK_THROWS_WITH(make_scheme("custom", &c),
                    "custom webhook scheme: signed_template uses unknown placeholder '{ts}'; "
                    "valid placeholders: {id}, {timestamp}, {body}");
  c = body_only();
  c.signed_template = "{id}.{body}";
  CHECK_THROWS_WITH(make_scheme("custom", &c),
                    "custom webhook scheme: signed_template uses {id} but id_header is empty");
  c = body_only();
  c.signed_template = "{timestamp}.{body}";
  CHECK_THROWS_WITH(
      make_scheme("custom", &c),
      "custom webhook scheme: signed_template uses {timestamp} but timestamp_header is empty");
  c = body_only();
  c.signed_template = "static";
  CHECK_THROWS_WITH(make_scheme("custom", &c),
                    "custom webhook scheme: signed_template must contain {body}, or the body "
                    "would not be signed");
  c = body_only();
  c.timestamp_header = "X Time";
  CHECK_THROWS_AS(make_scheme("custom", &c), std::invalid_argument);
}

TEST_CASE("webhook.custom: literal braces in the template are allowed", "[crypto][webhook]") {
  auto c = body_only();
  c.signed_template = "{}{body}{ ";
  const auto scheme = make_scheme("custom", &c);
  const auto headers = scheme->sign("k", {"", kTs, "B"});
  CHECK(value_of(headers, "X-Hub-Signature-256") ==
        "sha256=" + hex_encode(hmac_sha256("k", "{}B{ ")));
}
