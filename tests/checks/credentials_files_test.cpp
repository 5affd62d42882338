#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "check_fixture.hpp"

using namespace golive;
using namespace golive::testing;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("golive-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
  }
};

Target prod_with_key(const fs::path& dir, const std::string& key) {
  auto t = target(EnvKind::production, "https://api.bluumfinance.com/v1",
                  (dir / "production.yaml").string());
  t.credentials["api_key"] = resolved(key, "env BLUUM_API_KEY");
  return t;
}
}  // namespace

TEST_CASE("credentials.not-in-files: a secret in a file fails with path:line only", "[checks]") {
  TempDir d;
  d.write("production.yaml", "version: 1\n");
  d.write("notes.txt", "line one\nkey=leaked-canary-value-42\n");
  Harness h;
  auto r = h.run("credentials.not-in-files", prod_with_key(d.path, "leaked-canary-value-42"));
  REQUIRE(r.status == Status::fail);
  REQUIRE_THAT(r.summary, Catch::Contains("notes.txt:2 contains credentials.api_key"));
  REQUIRE_THAT(all_text(r), !Catch::Contains("leaked-canary-value-42"));
}

TEST_CASE("credentials.not-in-files: clean files pass", "[checks]") {
  TempDir d;
  d.write("production.yaml", "credentials:\n  api_key: {env: BLUUM_API_KEY}\n");
  Harness h;
  // Built at run time: a literal would be found in this very (git-tracked) test file.
  auto r = h.run("credentials.not-in-files",
                 prod_with_key(d.path, "never-written-" + std::to_string(::getpid() * 7919)));
  REQUIRE(r.status == Status::pass);
}

TEST_CASE("credentials.not-in-files: generated credentials are not searched", "[checks]") {
  TempDir d;
  auto t = target(EnvKind::sandbox, "embedded", (d.path / "demo.yaml").string());
  t.credentials["api_key"] = resolved("demo_api_key_0123456789", "generated");
  Harness h;
  REQUIRE(h.run("credentials.not-in-files", t).status == Status::skip);
}

TEST_CASE("credentials.distinct-environments: the same key in sandbox and production fails", "[checks]") {
  Harness h;
  auto prod = target(EnvKind::production, "https://api.bluumfinance.com/v1");
  prod.credentials["api_key"] = resolved("shared-key-canary-99", "env BLUUM_API_KEY");
  h.sibling = [](const std::string& name, std::string&) -> std::optional<Target> {
    REQUIRE(name == "sandbox");
    auto sbx = target(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
    sbx.credentials["api_key"] = resolved("shared-key-canary-99", "env BLUUM_SANDBOX_API_KEY");
    return sbx;
  };
  auto r = h.run("credentials.distinct-environments", prod);
  REQUIRE(r.status == Status::fail);
  REQUIRE(r.summary == "same value as the 'sandbox' profile: credentials.api_key");
  REQUIRE_THAT(all_text(r), !Catch::Contains("shared-key-canary-99"));
}

TEST_CASE("credentials.distinct-environments: different keys pass; no sandbox profile skips", "[checks]") {
  Harness h;
  auto prod = target(EnvKind::production, "https://api.bluumfinance.com/v1");
  prod.credentials["api_key"] = resolved("prod-key-000000001", "env BLUUM_API_KEY");
  h.sibling = [](const std::string&, std::string&) -> std::optional<Target> {
    auto sbx = target(EnvKind::sandbox, "https://sandbox.api.bluumfinance.com/v1");
    sbx.credentials["api_key"] = resolved("sbx-key-000000002", "env BLUUM_SANDBOX_API_KEY");
    return sbx;
  };
  REQUIRE(h.run("credentials.distinct-environments", prod).status == Status::pass);
  h.sibling = [](const std::string&, std::string& why) -> std::optional<Target> {
    why = "profiles/sandbox.yaml not found";
    return std::nullopt;
  };
  auto r = h.run("credentials.distinct-environments", prod);
  REQUIRE(r.status == Status::skip);
  REQUIRE_THAT(r.summary, Catch::Contains("sandbox.yaml not found"));
}
