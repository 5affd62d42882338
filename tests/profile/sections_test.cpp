#include <catch2/catch.hpp>

#include "profile/loader.hpp"
#include "profile_test_support.hpp"

using namespace golive;
using namespace golive::profile;
using golive::profile::testing::errors_of;
using golive::profile::testing::k_minimal;
using golive::profile::testing::test_options;

namespace {

using Lines = std::vector<std::string>;

/// The errors of k_minimal (4 lines) followed by `section`.
Lines section_errors(const std::string& section) {
  return errors_of(std::string(k_minimal) + section);
}

Profile parse_section(const std::string& section) {
  return parse_profile(std::string(k_minimal) + section, "p.yaml", test_options());
}

}  // namespace

TEST_CASE("profile: attestation dates must be valid and in order", "[profile]") {
  CHECK(section_errors(
            "attestations:\n"
            "  compliance.kyc-documents: {by: ops, on: 2026-13-01, expires: 2027/05/01}\n"
            "  secrets.manager-in-use: {by: ops, on: 2026-05-02, expires: 2026-05-01}\n"
            "  secrets.rotation-process: {by: '', on: 2026-02-30, expires: 2026-03-01}\n") ==
        Lines{"p.yaml:6:43: 'on' is not a calendar date: 2026-13-01",
              "p.yaml:6:64: 'expires' must be a date written YYYY-MM-DD",
              "p.yaml:7:62: 'expires' (2026-05-01) must be after 'on' (2026-05-02)",
              "p.yaml:8:34: 'by' must not be empty",
              "p.yaml:8:42: 'on' is not a calendar date: 2026-02-30"});
}

TEST_CASE("profile: attestations need by, on and a known id", "[profile]") {
  CHECK(section_errors(
            "attestations:\n"
            "  compliance.kyc-document: {by: ops, on: 2026-01-01, expires: 2027-01-01}\n"
            "  secrets.manager-in-use: {on: 2026-01-01, expires: 2027-01-01, note: x}\n") ==
        Lines{"p.yaml:6:3: unknown attestation id 'compliance.kyc-document'; did you mean "
              "'compliance.kyc-documents'?",
              "p.yaml:7:3: missing required key 'by' in 'attestations.secrets.manager-in-use'",
              "p.yaml:7:65: unknown key 'note'; expected one of: by, on, expires, evidence"});
  Profile p = parse_section(
      "attestations:\n  secrets.manager-in-use: {by: ops, on: 2026-01-01, expires: 2027-01-01}\n");
  REQUIRE(p.attestations.size() == 1);
  CHECK(p.attestations[0].evidence.empty());
}

TEST_CASE("profile: waivers need every field and a known check id", "[profile]") {
  CHECK(section_errors(
            "waivers:\n"
            "  webhook.duplicat: {reason: r, approver: a, ticket: T-1, expires: 2026-01-01}\n"
            "  api.smoke: {reason: r, approver: a, expires: 2026-01-01}\n"
            "  api.livemode: {reason: r, approver: a, ticket: T-2, expires: soon}\n") ==
        Lines{"p.yaml:6:3: unknown check id 'webhook.duplicat'; did you mean 'webhook.duplicate'?",
              "p.yaml:7:3: missing required key 'ticket' in 'waivers.api.smoke'",
              "p.yaml:8:64: 'expires' must be a date written YYYY-MM-DD"});
}

TEST_CASE("profile: checks must be a mapping and enabled a boolean", "[profile]") {
  CHECK(section_errors("checks: [a]\n") == Lines{"p.yaml:5:9: 'checks' must be a mapping"});
  CHECK(section_errors("checks:\n  api.smoke: [x]\n  api.livemode: {enabled: no}\n") ==
        Lines{"p.yaml:6:14: 'api.smoke' must be a mapping",
              "p.yaml:7:27: 'enabled' must be true or false"});
  Profile p = parse_section("checks:\n  api.smoke:\n  api.livemode: {enabled: False, x: 1}\n");
  CHECK(p.checks.at("api.smoke").enabled);
  CHECK(p.checks.at("api.smoke").options.IsNull());
  CHECK_FALSE(p.checks.at("api.livemode").enabled);
  CHECK(p.checks.at("api.livemode").options["x"].as<int>() == 1);
}

TEST_CASE("profile: duplicate keys are reported", "[profile]") {
  CHECK(section_errors("http: {timeout_s: 5, timeout_s: 6}\n") ==
        Lines{"p.yaml:5:22: duplicate key 'timeout_s'"});
}

TEST_CASE("profile: http settings are positive integers", "[profile]") {
  CHECK(section_errors("http: {timeout_s: 0, max_attempts: -1, backoff_base_ms: 1.5}\n") ==
        Lines{"p.yaml:5:19: 'timeout_s' must be greater than 0",
              "p.yaml:5:36: 'max_attempts' must be greater than 0",
              "p.yaml:5:57: 'backoff_base_ms' must be an integer"});
  CHECK(section_errors("http: {backoff_base_ms: 500, backoff_cap_ms: 100}\n") ==
        Lines{"p.yaml:5:46: 'backoff_cap_ms' must be at least 'backoff_base_ms'"});
  CHECK(section_errors("http: {timeout_s: 99999999999}\n") ==
        Lines{"p.yaml:5:19: 'timeout_s' is out of range"});
  Profile p = parse_section("http:\n  timeout_s: 3\n");
  CHECK(p.http.timeout_s == 3);
  CHECK(p.http.max_attempts == 4);
}

TEST_CASE("profile: webhook scheme, numbers and custom block are validated", "[profile]") {
  const std::string hook = "webhook:\n  url: https://h.example/hook\n  secret: {env: WH}\n";
  CHECK(section_errors(hook + "  scheme: strpe\n  response_budget_s: 0\n") ==
        Lines{"p.yaml:8:11: 'scheme' must be one of standard | stripe | blockchain0x | custom; "
              "did you mean 'stripe'?",
              "p.yaml:9:22: 'response_budget_s' must be greater than 0"});
  CHECK(section_errors(hook + "  scheme: custom\n") ==
        Lines{"p.yaml:5:1: missing required key 'custom' in 'webhook' (scheme is custom)"});
  CHECK(section_errors(hook + "  custom: {signature_header: X-Sig}\n") ==
        Lines{"p.yaml:8:3: 'custom' applies only when scheme is custom"});
  CHECK(section_errors(hook + "  scheme: custom\n  custom:\n    signature_header: X-Sig\n"
                              "    digest: base32\n    tolerance: both\n    key_encodng: raw\n") ==
        Lines{"p.yaml:9:3: missing required key 'signed_template' in 'webhook.custom'",
              "p.yaml:11:13: 'digest' must be one of hex | base64; did you mean 'base64'?",
              "p.yaml:12:16: 'tolerance' must be one of two_sided | past_only",
              "p.yaml:13:5: unknown key 'key_encodng'; did you mean 'key_encoding'?"});
  Profile p = parse_section(hook +
                            "  scheme: custom\n  custom:\n    signature_header: X-Sig\n"
                            "    signed_template: \"{timestamp}.{body}\"\n    digest: base64\n"
                            "    key_encoding: base64\n    tolerance: past_only\n");
  REQUIRE(p.webhook);
  CHECK(p.webhook->scheme == "custom");
  CHECK(p.webhook->custom["signature_header"].as<std::string>() == "X-Sig");
  CHECK(section_errors("webhook: {secret: {env: WH}}\n") ==
        Lines{"p.yaml:5:1: missing required key 'url' in 'webhook'"});
}

TEST_CASE("profile: bad URLs are reported with the reason", "[profile]") {
  const std::string head =
      "version: 1\nprovider: bluum\nenvironment: sandbox\n"
      "credentials: {api_key: {env: K}}\n";
  auto base_url = [&](const std::string& url) {
    return errors_of(head + "base_url: " + url + "\n");
  };
  CHECK(base_url("api.bluumfinance.com/v1") ==
        Lines{"p.yaml:5:11: 'base_url' is not a valid http(s) URL: it is not an absolute URL "
              "(expected https://host/...)"});
  CHECK(base_url("ftp://api.example/v1") ==
        Lines{"p.yaml:5:11: 'base_url' is not a valid http(s) URL: its scheme must be http or "
              "https"});
  CHECK(base_url("https:///v1") ==
        Lines{"p.yaml:5:11: 'base_url' is not a valid http(s) URL: it has no host"});
  CHECK(base_url("https://u:pw@api.example/v1") ==
        Lines{"p.yaml:5:11: 'base_url' must not contain credentials (user:password@); use a "
              "credential source"});
  CHECK(base_url("https://api.example/v1?x=1") ==
        Lines{"p.yaml:5:11: 'base_url' must not have a ?query"});
  CHECK(base_url("https://api.example:99999/") ==
        Lines{"p.yaml:5:11: 'base_url' is not a valid http(s) URL: its port is not a number from "
              "1 to 65535"});
  CHECK(base_url("http://127.0.0.1:8080").empty());
}

TEST_CASE("profile: credential sources take exactly one of env, file, command", "[profile]") {
  auto cred = [](const std::string& src) {
    return section_errors("credentials:\n  k: " + src + "\n");
  };
  CHECK(cred("{env: A, file: b}") ==
        Lines{"p.yaml:6:3: credentials.k: only one of env, file or command may be given"});
  CHECK(cred("{timeout_s: 3}") ==
        Lines{"p.yaml:6:3: credentials.k: expected exactly one of env, file or command"});
  CHECK(cred("{env: A, timeout_s: 3}") ==
        Lines{"p.yaml:6:15: 'timeout_s' applies only to a command source"});
  CHECK(cred("{command: vault read secret}") ==
        Lines{"p.yaml:6:16: 'command' must be a list of arguments such as [vault, read, "
              "-field=key, secret/bluum]; it is run without a shell"});
  CHECK(cred("{command: []}") == Lines{"p.yaml:6:16: 'command' must not be empty"});
  CHECK(cred("{command: [vault, [x]]}") ==
        Lines{"p.yaml:6:24: 'command' arguments must be non-empty strings"});
  CHECK(cred("{env: 1BAD-NAME}") ==
        Lines{"p.yaml:6:12: 'env' must be an environment variable name (letters, digits and "
              "'_', not starting with a digit)"});
  CHECK(cred("{envv: A}") == Lines{"p.yaml:6:7: unknown key 'envv'; did you mean 'env'?"});
  CHECK(cred("[a]") == Lines{"p.yaml:6:6: credentials.k: expected a source such as {env: "
                             "BLUUM_K}, {file: PATH} or {command: [ARGV...]}"});
  Profile p = parse_section(
      "credentials:\n  a: {file: keys/a.txt}\n  b: {command: [vault, read], timeout_s: 3}\n");
  CHECK(p.credentials.at("a").kind == CredentialSource::Kind::file);
  CHECK(p.credentials.at("a").describe() == "file keys/a.txt");
  CHECK(p.credentials.at("b").argv == std::vector<std::string>{"vault", "read"});
  CHECK(p.credentials.at("b").timeout_s == 3);
  CHECK(p.credentials.at("b").describe() == "command vault");
}

TEST_CASE("profile: rehearsal is a profile name, not a path", "[profile]") {
  CHECK(section_errors("rehearsal: ../other.yaml\n") ==
        Lines{"p.yaml:5:12: 'rehearsal' must be a profile name such as 'sandbox' "
              "(config/profiles/NAME.yaml), not a path"});
  CHECK(parse_section("rehearsal: sandbox-eu\n").rehearsal ==
        std::optional<std::string>("sandbox-eu"));
}

TEST_CASE("profile: a section with every entry commented out is the same as none", "[profile]") {
  Profile p =
      parse_section("checks:\n  # api.smoke: {}\nattestations:\nwaivers:\nhttp:\nwebhook:\n");
  CHECK(p.checks.empty());
  CHECK(p.attestations.empty());
  CHECK(p.waivers.empty());
  CHECK_FALSE(p.webhook);
  const std::string real =
      "version: 1\nprovider: bluum\nenvironment: sandbox\n"
      "base_url: https://sandbox.example\n";
  CHECK(
      errors_of(real + "credentials:\n") ==
      Lines{"p.yaml:5:1: 'credentials' is empty; only an embedded base_url may omit credentials"});
  CHECK(
      errors_of(real + "credentials: {}\n") ==
      Lines{"p.yaml:5:14: 'credentials' is empty; only an embedded base_url may omit credentials"});
}

TEST_CASE("profile: an embedded run may use the embedded receiver and no webhook secret",
          "[profile]") {
  Profile p = parse_section("webhook:\n  url: embedded\n  scheme: standard\n");
  REQUIRE(p.webhook);
  CHECK(p.webhook->url == "embedded");
  CHECK_FALSE(p.webhook->secret);
  const std::string real =
      "version: 1\nprovider: bluum\nenvironment: sandbox\n"
      "base_url: https://sandbox.example\ncredentials: {k: {env: K}}\n";
  CHECK(errors_of(real + "webhook:\n  url: embedded\n  secret: {env: W}\n") ==
        Lines{"p.yaml:7:8: 'url' may be embedded only when base_url is embedded"});
  CHECK(errors_of(real + "webhook:\n  url: https://h.example/x\n") ==
        Lines{"p.yaml:6:1: missing required key 'secret' in 'webhook'"});
}

TEST_CASE("profile: an audit section names the reference client, with defaults", "[profile]") {
  const Profile p = parse_section("audit: {client: reference}\n");
  REQUIRE(p.audit);
  CHECK(p.audit->client == "reference");
  CHECK(p.audit->schedule == "default");
  CHECK(p.audit->seed == 1);
  CHECK(p.audit->timeout_s == 30);
  const Profile q =
      parse_section("audit: {client: reference, schedule: none, seed: 9, timeout_s: 12}\n");
  CHECK(q.audit->schedule == "none");
  CHECK(q.audit->seed == 9);
  CHECK(q.audit->timeout_s == 12);
  CHECK_FALSE(parse_section("").audit);
}

TEST_CASE("profile: a bad audit section is a profile error at its line", "[profile]") {
  CHECK(section_errors("audit: {client: partner}\n") ==
        Lines{"p.yaml:5:17: 'client' must be one of reference"});
  CHECK(section_errors("audit: {client: reference, timeout_s: 0}\n").size() == 1);
  CHECK(section_errors("audit: {schedule: default}\n").size() == 1);  // client is required
  const auto unknown = section_errors("audit: {client: reference, seeds: 2}\n");
  REQUIRE(unknown.size() == 1);
  CHECK_THAT(unknown[0], Catch::Contains("did you mean 'seed'"));
}

TEST_CASE("profile: an audit section needs the embedded emulator", "[profile]") {
  const auto e = errors_of(
      "version: 1\nprovider: bluum\nenvironment: sandbox\n"
      "base_url: https://sandbox.api.bluumfinance.com/v1\n"
      "credentials: {api_key: {env: K}, api_secret: {env: S}}\n"
      "audit: {client: reference}\n");
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0], Catch::StartsWith("p.yaml:6:1: 'audit' runs the provider's reference client"));
}
