// `webhook sign|verify|send` and the webhook.* checks through the real binary (SPEC §6, §10).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using namespace golive::testing;

namespace {

const std::string kSw1Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const std::string kSw1Body = R"({"test": 2432232314})";
const std::string kSw1Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const std::string kSw1Sig = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const std::string kWrongSig = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

Env secret_env(const std::string& value) {
  return Env{{"GOLIVE_TEST_WHSEC", value}};
}

void require_no_secret(const ProcessResult& r, const std::string& secret) {
  REQUIRE_THAT(r.out, !Catch::Contains(secret));
  REQUIRE_THAT(r.err, !Catch::Contains(secret));
}

/// `webhook verify` of SW-1 with `headers` (Name: value lines) at Unix time `now`.
ProcessResult verify_sw1(const Scratch& s, const std::string& headers,
                         const std::string& now = "1614265330",
                         std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"webhook",      "verify",
                                "--scheme",     "standard",
                                "--secret-env", "GOLIVE_TEST_WHSEC",
                                "--headers",    s.write("h.txt", headers),
                                "--body",       s.write("body.json", kSw1Body),
                                "--now",        now};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_golive(args, secret_env(kSw1Secret));
  require_no_secret(r, kSw1Secret);
  return r;
}

std::string sw1_headers(const std::string& id, const std::string& ts, const std::string& sig) {
  std::string h;
  if (!id.empty()) h += "webhook-id: " + id + "\n";
  if (!ts.empty()) h += "webhook-timestamp: " + ts + "\n";
  if (!sig.empty()) h += "webhook-signature: " + sig + "\n";
  return h;
}

}  // namespace

TEST_CASE("cli webhook sign: reproduces the published vectors", "[cli][webhook]") {
  Scratch s("whsign");
  const auto body = s.write("body.json", kSw1Body);
  auto r =
      run_golive({"webhook", "sign", "--scheme", "standard", "--secret-env", "GOLIVE_TEST_WHSEC",
                  "--body", body, "--id", kSw1Id, "--timestamp", "1614265330"},
                 secret_env(kSw1Secret));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "webhook-id: " + kSw1Id +
                     "\nwebhook-timestamp: 1614265330\nwebhook-signature: " + kSw1Sig + "\n");
  require_no_secret(r, kSw1Secret);

  auto st = run_golive({"webhook", "sign", "--scheme", "stripe", "--secret-env",
                        "GOLIVE_TEST_WHSEC", "--body", body, "--timestamp", "1614265330"},
                       secret_env("whsec_test_secret"));
  REQUIRE(st.exit_code == 0);
  CHECK(st.out ==
        "Stripe-Signature: "
        "t=1614265330,v1=10c96c6fd3f320fcfc264cdc4f476c15060ede8e8a08404cea2ddf3b72544a9c\n");
  require_no_secret(st, "whsec_test_secret");
}

TEST_CASE("cli webhook verify: OK for SW-1 and for a header with decoys", "[cli][webhook]") {
  Scratch s("whverifyok");
  auto ok = verify_sw1(s, sw1_headers(kSw1Id, "1614265330", kSw1Sig));
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "OK\n");
  const auto decoys =
      kWrongSig + " v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + kSw1Sig + " " + kWrongSig;
  CHECK(verify_sw1(s, sw1_headers(kSw1Id, "1614265330", decoys)).out == "OK\n");
  // A captured request: request line, CRLF line ends, then a blank line and the body.
  auto captured =
      verify_sw1(s, "POST /hooks HTTP/1.1\r\nwebhook-id: " + kSw1Id +
                        "\r\nwebhook-timestamp: 1614265330\r\nwebhook-signature: " + kSw1Sig +
                        "\r\n\r\n" + kSw1Body);
  CHECK(captured.out == "OK\n");
}

TEST_CASE("cli webhook verify: each malformed form of peers.md §4.1 gives its own reason",
          "[cli][webhook]") {
  Scratch s("whverifybad");
  const std::string ts = "1614265330";
  const auto truncated = kSw1Sig.substr(0, kSw1Sig.size() - 4);
  struct Case {
    std::string name, headers, now, code;
    std::vector<std::string> extra;
  };
  const std::vector<Case> cases{
      {"missing id", sw1_headers("", ts, kSw1Sig), ts, "id_missing", {}},
      {"missing timestamp", sw1_headers(kSw1Id, "", kSw1Sig), ts, "timestamp_missing", {}},
      {"missing signature", sw1_headers(kSw1Id, ts, ""), ts, "signature_missing", {}},
      {"non-numeric timestamp", sw1_headers(kSw1Id, "abc", kSw1Sig), ts, "timestamp_invalid", {}},
      {"bare v1,", sw1_headers(kSw1Id, ts, "v1,"), ts, "signature_malformed", {}},
      {"truncated", sw1_headers(kSw1Id, ts, truncated), ts, "signature_malformed", {}},
      {"wrong signature", sw1_headers(kSw1Id, ts, kWrongSig), ts, "signature_mismatch", {}},
      {"5 min + 1 s old", sw1_headers(kSw1Id, ts, kSw1Sig), "1614265631", "timestamp_too_old", {}},
      {"5 min + 1 s ahead",
       sw1_headers(kSw1Id, ts, kSw1Sig),
       "1614265029",
       "timestamp_too_new",
       {}},
      {"timestamp changed, window ignored",
       sw1_headers(kSw1Id, "1614265331", kSw1Sig),
       ts,
       "signature_mismatch",
       {"--tolerance", "-1"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto r = verify_sw1(s, c.headers, c.now, c.extra);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::StartsWith("FAIL " + c.code + ": "));
  }
  CHECK_THAT(verify_sw1(s, sw1_headers(kSw1Id, "abc", kSw1Sig)).out,
             Catch::Contains("webhook-timestamp 'abc' is not a whole number of Unix seconds"));
}

TEST_CASE("cli webhook: usage problems exit 2 and never echo the secret", "[cli][webhook]") {
  Scratch s("whusage");
  const auto body = s.write("body.json", kSw1Body);
  auto unset =
      run_golive({"webhook", "sign", "--secret-env", "GOLIVE_TEST_UNSET_VAR", "--body", body},
                 Env{{"GOLIVE_TEST_UNSET_VAR", std::nullopt}});
  CHECK(unset.exit_code == 2);
  CHECK_THAT(unset.err, Catch::Contains("environment variable GOLIVE_TEST_UNSET_VAR is not set"));
  auto bad_secret =
      run_golive({"webhook", "sign", "--secret-env", "GOLIVE_TEST_WHSEC", "--body", body},
                 secret_env("whsec_CANARY!notbase64"));
  CHECK(bad_secret.exit_code == 2);
  require_no_secret(bad_secret, "whsec_CANARY!notbase64");
  auto no_custom = run_golive({"webhook", "sign", "--scheme", "custom", "--secret-env",
                               "GOLIVE_TEST_WHSEC", "--body", body},
                              secret_env(kSw1Secret));
  CHECK(no_custom.exit_code == 2);
  CHECK_THAT(no_custom.err, Catch::Contains("--custom-config"));
  auto custom =
      run_golive({"webhook", "sign", "--scheme", "custom", "--secret-env", "GOLIVE_TEST_WHSEC",
                  "--body", body, "--timestamp", "1614265330", "--custom-config",
                  s.write("c.yaml",
                          "signature_header: X-Sig\ntimestamp_header: X-Ts\n"
                          "signed_template: \"{timestamp}.{body}\"\n")},
                 secret_env("whsec_test_secret"));
  CHECK(custom.exit_code == 0);
  CHECK(custom.out ==
        "X-Ts: 1614265330\nX-Sig: "
        "10c96c6fd3f320fcfc264cdc4f476c15060ede8e8a08404cea2ddf3b72544a9c\n");
}

TEST_CASE("cli check --env demo: every webhook check passes", "[cli][webhook]") {
  auto r =
      run_golive({"check", "--env", "demo", "--format", "json", "--only",
                  "webhook.accepts-valid,webhook.rejects-tampered,webhook.rejects-wrong-secret,"
                  "webhook.rejects-unsigned,webhook.rejects-stale,webhook.rejects-future,"
                  "webhook.duplicate"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["checks"].size() == 7);
  for (const auto& c : j["checks"]) {
    INFO(c.dump());
    CHECK(c["status"] == "pass");
    CHECK(c["side_effect"] == "partner-endpoint");
  }
}

TEST_CASE("cli check: a rejection check without webhook.accepts-valid is inconclusive",
          "[cli][webhook]") {
  auto r = run_golive(
      {"check", "--env", "demo", "--format", "json", "--only", "webhook.rejects-tampered"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["checks"].size() == 1);
  CHECK(j["checks"][0]["status"] == "inconclusive");
  CHECK_THAT(j["checks"][0]["summary"].get<std::string>(),
             Catch::Contains("webhook.accepts-valid did not run, so a rejection proves nothing"));
  for (const auto& it : j["checklist"]["items"]) {
    if (it["id"] == "webhooks.signatures") CHECK(it["state"] == "inconclusive");
  }
  auto explain = run_golive({"explain", "webhook.rejects-tampered"});
  CHECK(explain.exit_code == 0);
  CHECK_THAT(explain.out, Catch::Contains("Needs: webhook.accepts-valid in the same run"));
}

TEST_CASE("cli check: a custom scheme against the embedded receiver passes", "[cli][webhook]") {
  Scratch s("whcustom");
  auto profile = s.write("custom.yaml", R"(version: 1
provider: bluum
environment: sandbox
base_url: embedded
webhook:
  url: embedded
  scheme: custom
  custom:
    signature_header: X-Partner-Signature
    timestamp_header: X-Partner-Timestamp
    signed_template: "{timestamp}.{body}"
    signature_prefix: "sha256="
    digest: base64
    tolerance: past_only
)");
  auto r = run_golive({"check", "--profile", profile, "--format", "json", "--only",
                       "webhook.accepts-valid,webhook.rejects-tampered,webhook.rejects-unsigned,"
                       "webhook.rejects-stale,webhook.rejects-future"});
  INFO(r.out << r.err);
  const auto j = nlohmann::json::parse(r.out);
  for (const auto& c : j["checks"]) {
    INFO(c.dump());
    // past_only: the reference receiver accepts future timestamps, which only warns.
    CHECK(c["status"] == (c["id"] == "webhook.rejects-future" ? "warn" : "pass"));
  }
  CHECK(r.exit_code == 0);
}

TEST_CASE("cli webhook send: delivers one signed test event to the demo receiver",
          "[cli][webhook]") {
  auto r = run_golive({"webhook", "send", "--env", "demo", "--event", "golive.ping"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("sent: POST http://127.0.0.1:") &&
                        Catch::Contains("type golive.ping") && Catch::Contains("status: 200") &&
                        Catch::Contains("x-request-id: ") &&
                        Catch::Contains(R"("delivery_id":"msg_golive_)"));
  auto none = run_golive({"webhook", "send"});
  CHECK(none.exit_code == 2);
}

TEST_CASE("cli check: a stopped receiver makes the webhook checks inconclusive", "[cli][webhook]") {
  Scratch s("whstopped");
  const std::string canary = "whsec_Q0FOQVJZV0VCSE9PSy1zdG9wcGVk";
  auto profile = s.write("sandbox.yaml", R"(version: 1
provider: bluum
environment: sandbox
base_url: embedded
webhook:
  url: http://127.0.0.1:9/hooks
  secret: {env: GOLIVE_TEST_WHSEC}
)");
  auto r = run_golive({"check", "--profile", profile, "--only",
                       "webhook.accepts-valid,webhook.rejects-tampered,webhook.duplicate"},
                      secret_env(canary));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.out, Catch::Contains("connect: "));
  require_no_secret(r, canary);
  auto sent = run_golive({"webhook", "send", "--profile", profile}, secret_env(canary));
  CHECK(sent.exit_code == 3);
  CHECK_THAT(sent.out, Catch::Contains("no answer: connect: "));
  require_no_secret(sent, canary);
}
