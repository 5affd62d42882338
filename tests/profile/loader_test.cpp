#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "crypto/digest.hpp"
#include "profile/credentials.hpp"
#include "profile/loader.hpp"
#include "profile_test_support.hpp"
#include "support/billion_laughs.hpp"

using namespace golive;
using namespace golive::profile;
using golive::profile::testing::errors_of;
using golive::profile::testing::k_minimal;
using golive::profile::testing::TempDir;
using golive::profile::testing::test_options;

namespace {

/// The example of SPEC §4.1, line for line.
const std::string k_spec_example = R"yaml(version: 1
provider: bluum                 # which pack: checklist, known hosts, defaults
environment: production         # kind: sandbox | production
base_url: https://api.bluumfinance.com/v1     # or "embedded"
credentials:
  api_key:    {env: BLUUM_API_KEY}            # sources: env | file | command
  api_secret: {env: BLUUM_API_SECRET}
rehearsal: sandbox
webhook:
  url: https://partner.example.com/hooks/bluum
  secret: {env: BLUUM_WEBHOOK_SECRET}
  scheme: standard
  tolerance_s: 300
  response_budget_s: 30
http: {timeout_s: 10, max_attempts: 4, backoff_base_ms: 250, backoff_cap_ms: 8000}
checks:
  api.smoke: {path: /assets, query: {class: equity, country: us, tradable: "true"}}
  idempotency.concurrent: {enabled: false}
attestations:
  compliance.kyc-documents: {by: ops@partner.example, on: 2026-11-01, expires: 2027-05-01, evidence: "ticket OPS-12"}
waivers:
  webhook.duplicate: {reason: "...", approver: cto@partner.example, ticket: OPS-19, expires: 2026-12-31}
)yaml";

std::chrono::year_month_day ymd(int y, unsigned m, unsigned d) {
  return {std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

TEST_CASE("profile: the SPEC example parses with every field", "[profile]") {
  Profile p = parse_profile(k_spec_example, "config/profiles/production.yaml", test_options());
  CHECK(p.name == "production");
  CHECK(p.sha256 == crypto::sha256_hex(k_spec_example));
  CHECK(p.version == 1);
  CHECK(p.provider == "bluum");
  CHECK(p.environment == "production");
  CHECK(p.kind == EnvKind::production);
  CHECK(p.base_url == "https://api.bluumfinance.com/v1");
  CHECK_FALSE(p.embedded());
  REQUIRE(p.credentials.size() == 2);
  CHECK(p.credentials.at("api_key").kind == CredentialSource::Kind::env);
  CHECK(p.credentials.at("api_key").env_var == "BLUUM_API_KEY");
  CHECK(p.credentials.at("api_secret").describe() == "env BLUUM_API_SECRET");
  CHECK(p.credentials.at("api_key").loc.str() == "config/profiles/production.yaml:6:3");
  REQUIRE(p.rehearsal);
  CHECK(*p.rehearsal == "sandbox");
  REQUIRE(p.webhook);
  CHECK(p.webhook->url == "https://partner.example.com/hooks/bluum");
  REQUIRE(p.webhook->secret);
  CHECK(p.webhook->secret->env_var == "BLUUM_WEBHOOK_SECRET");
  CHECK(p.webhook->scheme == "standard");
  CHECK(p.webhook->tolerance_s == 300);
  CHECK(p.webhook->response_budget_s == 30);
  CHECK(p.http.timeout_s == 10);
  CHECK(p.http.max_attempts == 4);
  CHECK(p.http.backoff_base_ms == 250);
  CHECK(p.http.backoff_cap_ms == 8000);
  REQUIRE(p.checks.size() == 2);
  const CheckConfig& smoke = p.checks.at("api.smoke");
  CHECK(smoke.enabled);
  CHECK(smoke.options["path"].as<std::string>() == "/assets");
  CHECK(smoke.options["query"]["tradable"].as<std::string>() == "true");
  CHECK(smoke.loc.line == 17);
  CHECK_FALSE(p.checks.at("idempotency.concurrent").enabled);
  REQUIRE(p.attestations.size() == 1);
  const Attestation& a = p.attestations.front();
  CHECK(a.id == "compliance.kyc-documents");
  CHECK(a.by == "ops@partner.example");
  CHECK(a.on == ymd(2026, 11, 1));
  CHECK(a.expires == ymd(2027, 5, 1));
  CHECK(a.evidence == "ticket OPS-12");
  REQUIRE(p.waivers.size() == 1);
  const Waiver& w = p.waivers.front();
  CHECK(w.check_id == "webhook.duplicate");
  CHECK(w.reason == "...");
  CHECK(w.approver == "cto@partner.example");
  CHECK(w.ticket == "OPS-19");
  CHECK(w.expires == ymd(2026, 12, 31));
}

TEST_CASE("profile: locations are recorded by dotted path", "[profile]") {
  Profile p = parse_profile(k_spec_example, "prod.yaml", test_options());
  CHECK(p.where("base_url").str() == "prod.yaml:4:1");
  CHECK(p.where("credentials.api_key").str() == "prod.yaml:6:3");
  CHECK(p.where("webhook.url").str() == "prod.yaml:10:3");
  CHECK(p.where("checks.api.smoke").str() == "prod.yaml:17:3");
  CHECK(p.where("checks.api.smoke.path").str() == "prod.yaml:17:15");
  CHECK(p.where("attestations.compliance.kyc-documents").str() == "prod.yaml:20:3");
  CHECK(p.where("waivers.webhook.duplicate").str() == "prod.yaml:22:3");
  // Not configured: the closest enclosing key, then the top of the file.
  CHECK(p.where("checks.webhook.signature").str() == "prod.yaml:16:1");
  CHECK(p.where("nothing.here").str() == "prod.yaml:1:1");
}

TEST_CASE("profile: a typo'd key, a wrong type and a literal secret are reported together",
          "[profile]") {
  const std::string yaml = R"(version: 1
provider: bluum
environment: production
base_ulr: https://api.bluumfinance.com/v1
credentials:
  api_key: sk_live_abcdef123456
  api_secret: {env: BLUUM_API_SECRET}
webhook:
  url: https://partner.example.com/hooks
  secret: {env: BLUUM_WEBHOOK_SECRET}
  tolerance_s: abc
)";
  auto errors = errors_of(yaml);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "p.yaml:4:1: unknown key 'base_ulr'; did you mean 'base_url'?");
  CHECK(errors[1] ==
        "p.yaml:6:12: credentials.api_key: a literal value is not allowed here; secrets must come "
        "from a source such as {env: BLUUM_API_KEY} (SPEC §4.1)");
  CHECK(errors[2] == "p.yaml:11:16: 'tolerance_s' must be an integer");
}

TEST_CASE("profile: validate reports a typo, a wrong type and an unset variable at once",
          "[profile]") {
  ::unsetenv("GOLIVE_TEST_UNSET_KEY");
  ::setenv("GOLIVE_TEST_SET_SECRET", "s3cr3t-value", 1);
  const std::string yaml = R"(version: 1
provider: bluum
environment: sandbox
base_url: https://sandbox.bluumfinance.com/v1
credentials:
  api_key: {env: GOLIVE_TEST_UNSET_KEY}
  api_secret: {env: GOLIVE_TEST_SET_SECRET}
http:
  timeout_s: ten
  max_atempts: 3
)";
  LoadResult loaded = read_profile(yaml, "sandbox.yaml", test_options());
  std::vector<Diagnostic> all = loaded.diagnostics;
  for (auto& d : unresolved_credentials(loaded.profile)) all.push_back(d);
  std::vector<std::string> lines;
  for (const auto& d : all) lines.push_back(d.str());
  std::sort(lines.begin(), lines.end());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "sandbox.yaml:10:3: unknown key 'max_atempts'; did you mean 'max_attempts'?");
  CHECK(lines[1] ==
        "sandbox.yaml:6:3: credentials.api_key: environment variable GOLIVE_TEST_UNSET_KEY is not "
        "set");
  CHECK(lines[2] == "sandbox.yaml:9:14: 'timeout_s' must be an integer");
  ::unsetenv("GOLIVE_TEST_SET_SECRET");
}

TEST_CASE("profile: a literal secret is refused without echoing it", "[profile]") {
  const std::string literal = "sk_live_DoNotEchoMe42";
  std::string yaml = std::string(k_minimal) + "credentials:\n  api_key: " + literal +
                     "\nwebhook:\n  url: https://h.example/x\n  secret: " + literal + "x\n";
  try {
    parse_profile(yaml, "p.yaml", test_options());
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(std::string(e.what()).find("DoNotEchoMe") == std::string::npos);
    CHECK(e.diagnostics()[1].message ==
          "webhook.secret: a literal value is not allowed here; secrets must come from a source "
          "such as {env: BLUUM_WEBHOOK_SECRET} (SPEC §4.1)");
  }
  // The literal is registered, so a later output that contains it is masked.
  CHECK(redact("oops " + literal) == "oops ***");
}

TEST_CASE("profile: unknown key suggests the closest one", "[profile]") {
  auto errors = errors_of(std::string(k_minimal) + "rehersal: sandbox\nzzz: 1\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "p.yaml:5:1: unknown key 'rehersal'; did you mean 'rehearsal'?");
  CHECK(errors[1].rfind("p.yaml:6:1: unknown key 'zzz'; expected one of: version, provider", 0) ==
        0);
}

TEST_CASE("profile: unknown check id suggests the closest one", "[profile]") {
  auto errors = errors_of(std::string(k_minimal) + "checks:\n  api.smok: {}\n  nope.nothing: {}\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "p.yaml:6:3: unknown check id 'api.smok'; did you mean 'api.smoke'?");
  CHECK(errors[1] ==
        "p.yaml:7:3: unknown check id 'nope.nothing'; run 'bluum-golive list' to see every "
        "check id");
}

TEST_CASE("profile: malformed YAML is one diagnostic at the parser's mark", "[profile]") {
  auto errors = errors_of("version: 1\nprovider: [bluum\nenvironment: sandbox\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("p.yaml:", 0) == 0);
  CHECK(errors[0].find("invalid YAML: ") != std::string::npos);
  auto tab = errors_of("version: 1\n\tprovider: bluum\n");
  REQUIRE(tab.size() == 1);
  CHECK(tab[0].find("invalid YAML") != std::string::npos);
}

TEST_CASE("profile: empty, non-mapping and multi-document files are refused", "[profile]") {
  CHECK(errors_of("") == std::vector<std::string>{"p.yaml:1:1: the profile is empty"});
  CHECK(errors_of("- a\n- b\n") ==
        std::vector<std::string>{
            "p.yaml:1:1: a profile must be a mapping of keys to values (key: value)"});
  auto multi = errors_of(std::string(k_minimal) + "---\nversion: 1\n");
  REQUIRE(multi.size() == 1);
  CHECK(multi[0].find("a profile holds one YAML document; this file has 2") != std::string::npos);
}

TEST_CASE("profile: required keys, version and provider are checked", "[profile]") {
  CHECK(errors_of("kind: sandbox\n") ==
        std::vector<std::string>{"p.yaml:1:1: missing required key 'version'",
                                 "p.yaml:1:1: missing required key 'provider'",
                                 "p.yaml:1:1: missing required key 'environment'",
                                 "p.yaml:1:1: missing required key 'base_url'"});
  auto errors = errors_of("version: 2\nprovider: blum\nenvironment: sandbox\nbase_url: embedded\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] ==
        "p.yaml:1:10: unsupported profile version 2; this version of bluum-golive reads version 1");
  CHECK(errors[1] == "p.yaml:2:11: unknown provider 'blum'; did you mean 'bluum'?");
}

TEST_CASE("profile: embedded base_url may omit credentials, a URL may not", "[profile]") {
  Profile p = parse_profile(k_minimal, "demo.yaml", test_options());
  CHECK(p.embedded());
  CHECK(p.credentials.empty());
  CHECK(p.kind == EnvKind::sandbox);
  auto errors = errors_of(
      "version: 1\nprovider: bluum\nenvironment: sandbox\nbase_url: https://sandbox.example\n");
  CHECK(errors == std::vector<std::string>{"p.yaml:1:1: missing required key 'credentials' (only "
                                           "an embedded base_url may omit it)"});
}

TEST_CASE("profile: environment names other than sandbox/production need a kind", "[profile]") {
  const std::string head = "version: 1\nprovider: bluum\nbase_url: embedded\n";
  CHECK(errors_of(head + "environment: staging\n") ==
        std::vector<std::string>{
            "p.yaml:4:14: environment 'staging' needs 'kind: sandbox' or 'kind: production' "
            "(only the names sandbox and production imply their kind)"});
  Profile p = parse_profile(head + "environment: staging\nkind: production\n", "staging.yaml",
                            test_options());
  CHECK(p.environment == "staging");
  CHECK(p.kind == EnvKind::production);
  CHECK(
      errors_of(head + "environment: sandbox\nkind: production\n") ==
      std::vector<std::string>{"p.yaml:5:7: 'kind' production contradicts environment 'sandbox'"});
  CHECK(errors_of(head + "environment: staging\nkind: prod\n") ==
        std::vector<std::string>{"p.yaml:5:7: 'kind' must be one of sandbox | production"});
}

TEST_CASE("profile: load_profile reads a file and reports an unreadable one", "[profile]") {
  TempDir dir;
  std::string path = dir.write("sandbox.yaml", k_minimal);
  Profile p = load_profile(path, test_options());
  CHECK(p.name == "sandbox");
  CHECK(p.path == path);
  std::string missing = (dir.path() / "absent.yaml").string();
  try {
    load_profile(missing, test_options());
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == missing + ": cannot read profile: No such file or directory");
  }
}

TEST_CASE("profile: a FIFO, a directory or an oversized file is refused before it is read",
          "[profile]") {
  TempDir dir;
  const auto fifo = (dir.path() / "pipe.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string big = dir.write(
      "big.yaml", std::string(k_minimal) + "# " + std::string(k_max_profile_bytes, 'x') + "\n");
  const std::pair<std::string, std::string> cases[] = {
      {fifo, "it is a FIFO (named pipe), not a regular file"},
      {dir.path().string(), "it is a directory"},
      {"/dev/zero", "it is a character device, not a regular file"},
      {big, "it is larger than 1 MiB"}};
  for (const auto& [path, why] : cases) {
    INFO(path);
    const auto r = read_profile_file(path, test_options());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].str() == path + ": cannot read profile: " + why);
  }
}

TEST_CASE("profile: nested aliases that would expand past the bound are one located error",
          "[profile]") {
  const std::string text = golive::testing::billion_laughs(k_minimal);  // 820 bytes
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0],
             Catch::Matches(R"(p\.yaml:\d+:\d+: with its aliases \(\*name\) expanded, .*)"));
}

TEST_CASE("profile: an alias inside the mapping it names is an error, not endless recursion",
          "[profile]") {
  const auto errors = errors_of(std::string(k_minimal) + "checks: &c\n  api.smoke: *c\n");
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0],
             Catch::Contains("an alias refers to a mapping or sequence that contains it"));
}
