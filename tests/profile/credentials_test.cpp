#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>

#include "profile/credentials.hpp"
#include "profile/loader.hpp"
#include "profile_test_support.hpp"

using namespace golive;
using namespace golive::profile;
using golive::profile::testing::TempDir;
using golive::profile::testing::test_options;

namespace {

CredentialSource env_source(const std::string& name) {
  CredentialSource s;
  s.kind = CredentialSource::Kind::env;
  s.env_var = name;
  return s;
}

CredentialSource file_source(const std::string& path) {
  CredentialSource s;
  s.kind = CredentialSource::Kind::file;
  s.path = path;
  return s;
}

CredentialSource command_source(std::vector<std::string> argv, int timeout_s = 10) {
  CredentialSource s;
  s.kind = CredentialSource::Kind::command;
  s.argv = std::move(argv);
  s.timeout_s = timeout_s;
  return s;
}

}  // namespace

TEST_CASE("profile: env source resolves a set variable and names an unset one", "[profile]") {
  ::setenv("GOLIVE_TEST_ENV_KEY", "key-from-env-1234", 1);
  Resolution r = resolve(env_source("GOLIVE_TEST_ENV_KEY"), "");
  REQUIRE(r.ok());
  CHECK(r.secret->reveal() == "key-from-env-1234");
  CHECK(r.secret->source() == "env GOLIVE_TEST_ENV_KEY");
  CHECK(fmt::format("{}", *r.secret) == "***");

  ::setenv("GOLIVE_TEST_ENV_EMPTY", "", 1);
  Resolution empty = resolve(env_source("GOLIVE_TEST_ENV_EMPTY"), "");
  REQUIRE(empty.ok());
  CHECK(empty.secret->empty());

  ::unsetenv("GOLIVE_TEST_ENV_MISSING");
  Resolution missing = resolve(env_source("GOLIVE_TEST_ENV_MISSING"), "");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error == "environment variable GOLIVE_TEST_ENV_MISSING is not set");
  ::unsetenv("GOLIVE_TEST_ENV_KEY");
  ::unsetenv("GOLIVE_TEST_ENV_EMPTY");
}

TEST_CASE("profile: file source is relative to the profile and loses one newline", "[profile]") {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "keys");
  dir.write("keys/api.txt", "file-secret-value\n\n");
  dir.write("keys/crlf.txt", "crlf-secret-value\r\n");
  Resolution r = resolve(file_source("keys/api.txt"), dir.path().string());
  REQUIRE(r.ok());
  CHECK(r.secret->reveal() == "file-secret-value\n");
  CHECK(r.secret->source() == "file " + (dir.path() / "keys/api.txt").string());
  Resolution crlf = resolve(file_source("keys/crlf.txt"), dir.path().string());
  REQUIRE(crlf.ok());
  CHECK(crlf.secret->reveal() == "crlf-secret-value");

  Resolution missing = resolve(file_source("keys/none.txt"), dir.path().string());
  CHECK_FALSE(missing.ok());
  CHECK(missing.error == "cannot read file " + (dir.path() / "keys/none.txt").string() +
                             ": No such file or directory");
  Resolution directory = resolve(file_source("keys"), dir.path().string());
  CHECK_FALSE(directory.ok());
  CHECK(directory.error ==
        "cannot read file " + (dir.path() / "keys").string() + ": it is a directory");
}

TEST_CASE("profile: a file source that is a FIFO or a device is refused, never read", "[profile]") {
  TempDir dir;
  const auto fifo = dir.path() / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Resolution pipe = resolve(file_source("pipe"), dir.path().string());
  CHECK_FALSE(pipe.ok());
  CHECK(pipe.error ==
        "cannot read file " + fifo.string() + ": it is a FIFO (named pipe), not a regular file");
  Resolution zero = resolve(file_source("/dev/zero"), dir.path().string());
  CHECK_FALSE(zero.ok());
  CHECK(zero.error == "cannot read file /dev/zero: it is a character device, not a regular file");
  dir.write("big", std::string(64 * 1024 + 1, 'k'));
  CHECK(resolve(file_source("big"), dir.path().string()).error ==
        "cannot read file " + (dir.path() / "big").string() +
            ": it is larger than 64 KiB; expected a single secret");
}

TEST_CASE("profile: command source captures stdout without a shell", "[profile]") {
  Resolution r = resolve(command_source({"/bin/echo", "cmd-secret-value"}), "");
  REQUIRE(r.ok());
  CHECK(r.secret->reveal() == "cmd-secret-value");
  CHECK(r.secret->source() == "command /bin/echo");
  Resolution p = resolve(command_source({"printf", "%s", "a b; $(echo no-shell)"}), "");
  REQUIRE(p.ok());
  CHECK(p.secret->reveal() == "a b; $(echo no-shell)");
}

TEST_CASE("profile: command source failures are errors without the output", "[profile]") {
  Resolution fail = resolve(command_source({"/bin/sh", "-c", "echo leaked-value; exit 3"}), "");
  CHECK_FALSE(fail.ok());
  CHECK(fail.error == "command '/bin/sh' exited with status 3");
  Resolution missing = resolve(command_source({"golive-no-such-command-xyz"}), "");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error ==
        "command 'golive-no-such-command-xyz' could not be started: No such file or directory");
}

TEST_CASE("profile: a command that outlives timeout_s is killed", "[profile]") {
  auto start = std::chrono::steady_clock::now();
  Resolution r = resolve(command_source({"sleep", "30"}, 1), "");
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(r.ok());
  CHECK(r.error == "command 'sleep' timed out after 1 s");
  CHECK(elapsed < std::chrono::seconds(10));
}

TEST_CASE("profile: unresolved_credentials locates each failing source", "[profile]") {
  TempDir dir;
  dir.write("token.txt", "tok-secret-value\n");
  ::unsetenv("GOLIVE_TEST_NOT_SET");
  std::string path = dir.write("sandbox.yaml",
                               "version: 1\nprovider: bluum\nenvironment: sandbox\n"
                               "base_url: https://sandbox.example\n"
                               "credentials:\n"
                               "  api_key: {file: token.txt}\n"
                               "  api_secret: {env: GOLIVE_TEST_NOT_SET}\n"
                               "webhook:\n  url: https://h.example/x\n"
                               "  secret: {command: [/bin/false]}\n");
  Profile p = load_profile(path, test_options());
  auto problems = unresolved_credentials(p);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].str() == path +
                                 ":7:3: credentials.api_secret: environment variable "
                                 "GOLIVE_TEST_NOT_SET is not set");
  CHECK(problems[1].str() == path +
                                 ":10:3: webhook.secret: command '/bin/false' exited with "
                                 "status 1");
}

TEST_CASE("profile: a secret pasted where a name or path belongs is never echoed", "[profile]") {
  // Canaries shaped like real secrets, written where a variable name, a path or a command is
  // expected. None is set, exists or runs; no error, description or source may repeat them.
  const std::vector<std::pair<CredentialSource, std::string>> pasted = {
      {env_source("sk_live_51HcanaryQ8x7Vb2N4mZpL0dR"), "sk_live_51HcanaryQ8x7Vb2N4mZpL0dR"},
      {env_source("AKIACANARY7Q2X9Z4M1P"), "AKIACANARY7Q2X9Z4M1P"},
      {file_source("c4n4ry+Fil3/S3cr3tV4lu3Zq9Xw8=="), "c4n4ry+Fil3/S3cr3tV4lu3Zq9Xw8=="},
      {file_source("3f2b1c9e-5d4a-4e8b-9c7d-1a2bcafe4d5e"), "3f2b1c9e-5d4a-4e8b-9c7d-1a2bcafe4d5e"},
      {command_source({"Zm9vYmFyY2FuYXJ5c2VjcmV0MTIzNDU2"}), "Zm9vYmFyY2FuYXJ5c2VjcmV0MTIzNDU2"},
  };
  TempDir dir;
  for (const auto& [src, canary] : pasted) {
    CAPTURE(src.describe());
    CHECK_FALSE(src.shows_reference());
    CHECK(src.describe().find(canary) == std::string::npos);
    Resolution r = resolve(src, dir.path().string());
    REQUIRE_FALSE(r.ok());
    CAPTURE(r.error);
    CHECK(r.error.find(canary) == std::string::npos);
    CHECK(r.error.find(canary.substr(0, 8)) == std::string::npos);  // nor a part of it
    CHECK(r.error.find("looks like a secret value") != std::string::npos);
    CHECK(r.error.find("rotate it") != std::string::npos);
  }
  CHECK(resolve(pasted[2].first, dir.path().string()).error.find("No such file or directory") !=
        std::string::npos);
  CHECK(resolve(pasted[4].first, "").error.find("could not be started") != std::string::npos);
}

TEST_CASE("profile: ordinary names, paths and commands are still named in errors", "[profile]") {
  using K = CredentialSource::Kind;
  for (const char* name : {"BLUUM_API_KEY", "GITHUB_TOKEN", "HOME", "BLUUM_API_SECRET_V2",
                           "BLOCKCHAIN0X_API_KEY", "BLOCKCHAIN0X_WEBHOOK_SECRET", "OAUTH2_TOKEN"}) {
    CHECK(source_reference_showable(K::env, name));
  }
  for (const char* path : {"secrets/bluum_api_secret", "/run/secrets/bluum.key", "keys/api.txt",
                           "~/.config/Bluum/sandbox-2026.key", "MyProject/key.txt"}) {
    CHECK(source_reference_showable(K::file, path));
  }
  CHECK(source_reference_showable(K::command, "/usr/local/bin/vault"));
  CHECK_FALSE(source_reference_showable(K::env, "bluum_api_key"));  // not upper case
  CHECK_FALSE(source_reference_showable(K::file, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  CHECK_FALSE(source_reference_showable(K::file, std::string(129, 'a')));
}

TEST_CASE("profile: the loader registers a name that looks like a secret with the Redactor",
          "[profile]") {
  const std::string canary = "Qm9ndXNDYW5hcnlFbnZOYW1lOTg3NjU0";
  const std::string yaml =
      "version: 1\nprovider: bluum\nenvironment: sandbox\n"
      "base_url: https://sandbox.example\n"
      "credentials:\n  api_key: {env: " +
      canary +
      "}\n"
      "  api_secret: {file: 'bad name.with-b4d/Zz9Yy8Xx7Ww6Vv5Uu4'}\n";
  Profile p = parse_profile(yaml, "p.yaml", test_options());
  CHECK(redact("see " + canary) == "see ***");
  CHECK(redact("Zz9Yy8Xx7Ww6Vv5Uu4") == "Zz9Yy8Xx7Ww6Vv5Uu4");  // only whole references
  CHECK(redact("bad name.with-b4d/Zz9Yy8Xx7Ww6Vv5Uu4") == "***");
  for (const auto& d : unresolved_credentials(p)) {
    CHECK(d.str().find(canary) == std::string::npos);
    CHECK(d.str().find("Zz9Yy8") == std::string::npos);
  }
}
