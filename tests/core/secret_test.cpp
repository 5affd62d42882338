// Secrets are registered at the source in every form they can take in output (SPEC §10), and
// text is redacted before it is cut.
#include <catch2/catch.hpp>
#include <string>

#include "core/secret.hpp"
#include "crypto/webhook.hpp"

using namespace golive;

namespace {

// Canaries with characters that every encoding changes: '/', '+', '=', '"', ' ' and '%'.
const std::string k_secret = "canary/sec+ret=\"7f3a 9d21%c4\"";
// Computed independently of the code under test (Python: urllib.parse.quote(s, safe=''),
// json.dumps(s)[1:-1], base64.b64encode(b"ck_canary_user_51d2:" + s)).
const std::string k_url_upper = "canary%2Fsec%2Bret%3D%227f3a%209d21%25c4%22";
const std::string k_url_lower = "canary%2fsec%2bret%3d%227f3a%209d21%25c4%22";
const std::string k_json = "canary/sec+ret=\\\"7f3a 9d21%c4\\\"";
const std::string k_json_slash = "canary\\/sec+ret=\\\"7f3a 9d21%c4\\\"";
const std::string k_user = "ck_canary_user_51d2";
const std::string k_basic = "Y2tfY2FuYXJ5X3VzZXJfNTFkMjpjYW5hcnkvc2VjK3JldD0iN2YzYSA5ZDIxJWM0Ig==";

bool masked(const std::string& form) {
  return redact("<" + form + ">") == "<***>";
}

}  // namespace

TEST_CASE("secrets: a Secret registers its value in every output form at once") {
  const Secret s(k_secret, "test canary");
  CHECK(masked(k_secret));
  CHECK(masked(k_url_upper));
  CHECK(masked(k_url_lower));
  CHECK(masked(k_json));
  CHECK(masked(k_json_slash));
  CHECK(masked("Bearer " + k_secret));
  CHECK(redact("Authorization: Bearer " + k_secret) == "Authorization: ***");
}

TEST_CASE("secrets: the Basic token of a key pair is registered, with its encoded forms") {
  CHECK_FALSE(masked(k_basic));
  register_basic_credentials(k_user, k_secret);
  CHECK(masked(k_basic));
  CHECK(masked("Basic " + k_basic));
  CHECK(masked("Y2tfY2FuYXJ5X3VzZXJfNTFkMjpjYW5hcnkvc2VjK3JldD0iN2YzYSA5ZDIxJWM0Ig%3D%3D"));
  CHECK(redact("> Authorization: Basic " + k_basic + "\r\n") == "> Authorization: ***\r\n");
}

TEST_CASE("secrets: values shorter than 4 characters are not registered in any form") {
  const size_t before = Redactor::global().size();
  register_secret("a/b");
  CHECK(Redactor::global().size() == before);
  CHECK(redact("a/b a%2Fb") == "a/b a%2Fb");
}

TEST_CASE("secrets: an excerpt is redacted before it is cut, so no half secret leaks") {
  const std::string canary = "straddle-canary-0b9e4c7d2a";
  Redactor::global().add(canary);
  // The cut at 20 bytes falls inside the canary: cutting first would leave "straddle-c".
  const std::string text = "token is " + canary + " and more";
  const std::string out = redacted_excerpt(text, 20);
  CHECK(out == "token is *** and mor...");
  CHECK(out.find("straddle") == std::string::npos);
  CHECK(redacted_excerpt("short", 20) == "short");
  // Never cut inside a UTF-8 sequence: "é" is two bytes.
  CHECK(redacted_excerpt("ab\xC3\xA9"
                         "cd",
                         3) == "ab...");
}

TEST_CASE("secrets: webhook reasons quote untrusted text redacted, then cut") {
  const std::string canary = "whsec_straddle_canary_4f1e8a2b9c7d0e5f3a6b8c1d";
  Redactor::global().add(canary);  // installs the Redactor as the reasons' filter
  auto scheme = webhook::make_scheme("stripe");
  webhook::HeaderList headers = {{"Stripe-Signature", canary + canary}};
  const auto r = scheme->verify("whsec_other", headers, "{}", 1700000000, 300);
  CHECK_FALSE(r.ok);
  CAPTURE(r.reason);
  CHECK(r.reason.find("whsec_straddle") == std::string::npos);
  CHECK(r.reason.find("'******'") != std::string::npos);
}
