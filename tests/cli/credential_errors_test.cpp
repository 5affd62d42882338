// Errors about a credential source never echo a value pasted where a variable name or a path
// belongs (issue 10 §5), through the real binary: `validate` and `check`.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using namespace golive::testing;

namespace {

const std::string k_env_canary = "sk_live_51HpastedCanaryQ8x7Vb2N4mZpL0dR";
const std::string k_file_canary = "pastedCanaryFile+S3cr3tV4lu3Zq9Xw8==";

std::string profile_with_pasted_secrets(const Scratch& s) {
  return s.write("pasted.yaml",
                 "version: 1\nprovider: bluum\nenvironment: sandbox\n"
                 "base_url: https://sandbox.api.bluumfinance.com/v1\n"
                 "credentials:\n"
                 "  api_key: {env: " +
                     k_env_canary +
                     "}\n"
                     "  api_secret: {file: \"" +
                     k_file_canary + "\"}\n");
}

void check_no_canary(const ProcessResult& p) {
  const std::string all = p.out + p.err;
  CAPTURE(all);
  CHECK(all.find(k_env_canary) == std::string::npos);
  CHECK(all.find("51HpastedCanary") == std::string::npos);
  CHECK(all.find(k_file_canary) == std::string::npos);
  CHECK(all.find("pastedCanaryFile") == std::string::npos);
}

}  // namespace

TEST_CASE("cli: validate says a pasted secret is wrong without repeating it", "[cli]") {
  Scratch s("pasted-validate");
  const auto path = profile_with_pasted_secrets(s);
  auto p = run_golive({"validate", "--profile", path}, {{k_env_canary, std::nullopt}});
  CHECK(p.exit_code == 2);
  check_no_canary(p);
  CHECK(p.err.find(":6:3: credentials.api_key: the environment variable is not set, and its name "
                   "is not shown") != std::string::npos);
  CHECK(p.err.find(":7:3: credentials.api_secret: cannot read the file (No such file or "
                   "directory), and its path is not shown") != std::string::npos);
}

TEST_CASE("cli: check reports a pasted secret in credentials.present without repeating it",
          "[cli]") {
  Scratch s("pasted-check");
  const auto path = profile_with_pasted_secrets(s);
  const auto json = (s.path / "report.json").string();
  auto p = run_golive({"check", "--profile", path, "--only", "credentials.present", "--format",
                       "text", "--format", "json", "--output", "-", "--output", json},
                      {{k_env_canary, std::nullopt}});
  CHECK(p.exit_code == 1);
  check_no_canary(p);
  const std::string report = s.read("report.json");
  CHECK(report.find(k_env_canary) == std::string::npos);
  CHECK(report.find(k_file_canary) == std::string::npos);
  CHECK(p.out.find("not shown: it looks like a secret value") != std::string::npos);
  CHECK(p.out.find("rotate it") != std::string::npos);
}
