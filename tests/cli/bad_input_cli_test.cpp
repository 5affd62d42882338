// Issue 10 §6 through the real binary: bad input files are exit 2 with FILE[:LINE:COL], never
// a hang or a crash: alias bombs, non-string keys, FIFOs, devices, directories, oversized files.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "support/billion_laughs.hpp"

using namespace golive::testing;

namespace {

const std::string kHead = "version: 1\nprovider: bluum\nenvironment: sandbox\nbase_url: embedded\n";

/// A FIFO named `name` in `s` (nobody ever writes to it).
std::string fifo(const Scratch& s, const std::string& name) {
  const auto path = (s.path / name).string();
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  return path;
}

}  // namespace

TEST_CASE("bad input: a billion-laughs profile is exit 2 at the alias, not minutes of work",
          "[cli][input]") {
  Scratch s("laughs");
  auto profile = s.write("laughs.yaml", billion_laughs(kHead));
  for (const char* cmd : {"validate", "check"}) {
    auto r = run_golive({cmd, "--profile", profile}, {}, 20);
    INFO(cmd << ": " << r.err);
    REQUIRE(r.exit_code == 2);
    CHECK_THAT(r.err,
               Catch::Matches(
                   R"((.|\n)*laughs\.yaml:\d+:\d+: with its aliases \(\*name\) expanded(.|\n)*)"));
  }
}

TEST_CASE("bad input: a non-string key inside a check option is exit 2 at the key, not 70",
          "[cli][input]") {
  Scratch s("nonstring");
  auto profile = s.write("p.yaml", kHead + "checks:\n  api.smoke:\n    query: {? [a, b] : c}\n");
  for (const char* cmd : {"validate", "check"}) {
    auto r = run_golive({cmd, "--profile", profile});
    INFO(cmd << ": " << r.err);
    REQUIRE(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(profile + ":7:15: checks.api.smoke.query: keys must be "
                                                "plain strings"));
  }
}

TEST_CASE("bad input: a FIFO, /dev/zero or a directory as the profile is exit 2, not a hang",
          "[cli][input]") {
  Scratch s("fifo-profile");
  const std::pair<std::string, std::string> cases[] = {
      {fifo(s, "p.yaml"), "it is a FIFO (named pipe), not a regular file"},
      {"/dev/zero", "it is a character device, not a regular file"},
      {s.path.string(), "it is a directory"}};
  for (const auto& [path, why] : cases) {
    auto r = run_golive({"validate", "--profile", path}, {}, 20);
    INFO(path << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(path + ": cannot read profile: " + why));
  }
}

TEST_CASE("bad input: --baseline and --audit files are checked before anything is sent",
          "[cli][input]") {
  Scratch s("files");
  const auto pipe = fifo(s, "pipe.json");
  const auto big = (s.path / "big.json").string();
  std::filesystem::resize_file(s.write("big.json", ""), 17 * 1024 * 1024);  // sparse
  const auto bad_record = s.write("bad.jsonl", "{\"type\":\"exchange\"}\n");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--baseline", "/dev/zero"},
       "/dev/zero: baseline: cannot read the file: it is a character device"},
      {{"--baseline", pipe}, pipe + ": baseline: cannot read the file: it is a FIFO"},
      {{"--baseline", big}, big + ": baseline: cannot read the file: it is larger than 16 MiB"},
      {{"--audit", pipe}, "--audit: cannot read " + pipe + ": it is a FIFO"},
      {{"--audit", bad_record}, "--audit: " + bad_record + ":1: expected the header line first"}};
  for (const auto& [flags, message] : cases) {
    std::vector<std::string> args{"check", "--env", "demo", "--only", "api.smoke"};
    args.insert(args.end(), flags.begin(), flags.end());
    auto r = run_golive(args, {}, 20);
    INFO(flags[0] << " " << flags[1] << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(message));
    CHECK_THAT(r.err, Catch::Contains("nothing was sent"));
  }
}

TEST_CASE("bad input: a credential file that is a FIFO fails validate with the reason",
          "[cli][input]") {
  Scratch s("cred-fifo");
  const auto pipe = fifo(s, "secret");
  auto profile = s.write("p.yaml",
                         "version: 1\nprovider: bluum\nenvironment: sandbox\n"
                         "base_url: http://127.0.0.1:9/v1\ncredentials:\n"
                         "  api_key: {file: secret}\n  api_secret: {file: /dev/zero}\n");
  auto r = run_golive({"validate", "--profile", profile}, {}, 20);
  INFO(r.err);
  REQUIRE(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("credentials.api_key: cannot read file " + pipe +
                                    ": it is a FIFO (named pipe), not a regular file"));
  CHECK_THAT(r.err, Catch::Contains("credentials.api_secret: cannot read file /dev/zero: it is a "
                                    "character device, not a regular file"));
}

TEST_CASE("bad input: an audit schedule or webhook body that is a FIFO is exit 2", "[cli][input]") {
  Scratch s("more-fifos");
  const auto schedule = fifo(s, "schedule.yaml");
  auto a = run_golive({"audit", "--env", "demo", "--schedule", schedule, "--", "true"}, {}, 20);
  INFO(a.err);
  CHECK(a.exit_code == 2);
  CHECK_THAT(a.err, Catch::Contains(schedule + ": cannot read the schedule file: it is a FIFO"));

  const auto body = fifo(s, "body");
  auto w = run_golive({"webhook", "sign", "--secret-env", "GOLIVE_WH", "--body", body},
                      {{"GOLIVE_WH", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}}, 20);
  INFO(w.err);
  CHECK(w.exit_code == 2);
  CHECK_THAT(w.err, Catch::Contains("cannot read " + body + ": it is a FIFO"));
}
