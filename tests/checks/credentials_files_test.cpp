#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "check_fixture.hpp"
#include "profile/subprocess.hpp"

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

TEST_CASE("credentials.not-in-files: files over max_file_kib are listed and make it inconclusive",
          "[checks]") {
  TempDir d;
  d.write("production.yaml", "version: 1\n");
  d.write("big.log", std::string(2 * 1024 + 1, 'x'));
  d.write("small.txt", "nothing here\n");
  Harness h;
  const auto secret = "never-written-" + std::to_string(::getpid() * 7919);
  auto r = h.run("credentials.not-in-files", prod_with_key(d.path, secret),
                 YAML::Load("{max_file_kib: 2}"));
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("but 1 were not scanned") &&
                            Catch::Contains("big.log (it is larger than 2 KiB)"));
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[1].label == "1 files not scanned");
  CHECK_THAT(r.fix, Catch::Contains("max_file_kib"));
}

TEST_CASE("credentials.not-in-files: a hit fails even when other files were not scanned",
          "[checks]") {
  TempDir d;
  d.write("production.yaml", "version: 1\n");
  d.write("big.log", std::string(2 * 1024 + 1, 'x'));
  const auto secret = "leaked-" + std::to_string(::getpid() * 31);
  d.write("notes.txt", "key=" + secret + "\n");
  Harness h;
  auto r = h.run("credentials.not-in-files", prod_with_key(d.path, secret),
                 YAML::Load("{max_file_kib: 2}"));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("notes.txt:1 contains credentials.api_key"));
}

TEST_CASE("credentials.not-in-files: a FIFO beside the profile neither blocks nor counts",
          "[checks]") {
  TempDir d;
  d.write("production.yaml", "version: 1\n");
  REQUIRE(::mkfifo((d.path / "pipe").c_str(), 0600) == 0);
  Harness h;
  auto r = h.run("credentials.not-in-files",
                 prod_with_key(d.path, "never-written-" + std::to_string(::getpid() * 13)));
  CHECK(r.status == Status::pass);
}

TEST_CASE("credentials.not-in-files: max_file_kib outside 1..1048576 is an option error",
          "[checks]") {
  const auto* entry = builtin_registry().find("credentials.not-in-files");
  for (const char* value : {"0", "-1", "1048577", "lots"}) {
    INFO(value);
    CheckOptions opts("credentials.not-in-files",
                      YAML::Load(std::string("{max_file_kib: ") + value + "}"),
                      SourceLoc{"p.yaml", 3, 4});
    entry->make(opts);
    CHECK_THROWS_WITH(opts.finish(),
                      Catch::Contains("checks.credentials.not-in-files.max_file_kib: must"));
  }
}

TEST_CASE(
    "credentials.not-in-files: git runs in the profile's repository, not the current directory",
    "[checks]") {
  using namespace std::chrono_literals;
  TempDir repo;
  fs::create_directories(repo.path / "config" / "profiles");
  repo.write("config/profiles/production.yaml", "version: 1\n");
  const auto secret = "tracked-" + std::to_string(::getpid() * 101);
  repo.write("app.env", "KEY=" + secret + "\n");  // outside the profile's directory
  const auto root = repo.path.string();
  REQUIRE(profile::run_command({"git", "-C", root, "init", "-q"}, 10s).ok());
  REQUIRE(profile::run_command({"git", "-C", root, "add", "app.env"}, 10s).ok());
  Harness h;
  auto t = prod_with_key(repo.path / "config" / "profiles", secret);
  auto r = h.run("credentials.not-in-files", t);
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("app.env:1 contains credentials.api_key"));
  CHECK_THAT(r.evidence[0].observed, !Catch::Contains(secret));
}

TEST_CASE("credentials.distinct-environments: the same key in sandbox and production fails",
          "[checks]") {
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

TEST_CASE("credentials.distinct-environments: different keys pass; no sandbox profile skips",
          "[checks]") {
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
