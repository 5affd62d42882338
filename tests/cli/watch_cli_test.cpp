// `bluum-golive watch` through the real binary, against an in-process Bluum emulator whose
// tenant has operations stuck for 20 days (tests/watch/stuck_state.hpp).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "watch/stuck_state.hpp"

using namespace golive::testing;
using nlohmann::json;

namespace {

const Env kWatchEnv{{"GOLIVE_WATCH_KEY", kWatchKey}, {"GOLIVE_WATCH_SECRET", kWatchSecret}};

std::string production_profile(const std::string& base_url) {
  return "version: 1\nprovider: bluum\nenvironment: production\nbase_url: " + base_url +
         "\ncredentials:\n  api_key: {env: GOLIVE_WATCH_KEY}\n"
         "  api_secret: {env: GOLIVE_WATCH_SECRET}\n"
         "http: {timeout_s: 5, max_attempts: 2, backoff_base_ms: 50, backoff_cap_ms: 200}\n";
}

void require_no_secret(const ProcessResult& r) {
  for (const auto& s : {kWatchKey, kWatchSecret}) {
    REQUIRE_THAT(r.out, !Catch::Contains(s));
    REQUIRE_THAT(r.err, !Catch::Contains(s));
  }
}

}  // namespace

TEST_CASE("watch CLI: stuck operations and a disabled webhook exit 1, text report",
          "[cli][watch]") {
  StuckEmulator s;
  s.make_stuck();
  Scratch dir("watch-text");
  const auto profile = dir.write("production.yaml", production_profile(s.emu->base_url()));
  auto r =
      run_golive({"watch", "--profile", profile, "--for", "2s", "--interval", "1s"}, kWatchEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("Stuck longer than expected (3):") &&
                        Catch::Contains("withdrawals " + s.ids.withdrawal + " is pending after") &&
                        Catch::Contains("orders " + s.ids.day_order + " is open after") &&
                        Catch::Contains("webhook endpoint " + s.ids.inactive_webhook) &&
                        Catch::Contains("WATCH: ATTENTION NEEDED (exit 1)"));
  CHECK_THAT(r.out, !Catch::Contains(s.ids.gtc_order));
  CHECK_THAT(r.err, Catch::Contains("watch: round 1") && Catch::Contains("GET only"));
  CHECK(last_line(r.err) == "VERDICT: ATTENTION NEEDED (exit 1)");
  require_no_secret(r);
}

TEST_CASE("watch CLI: a quiet tenant exits 0; JSON to a file", "[cli][watch]") {
  StuckEmulator s;
  Scratch dir("watch-json");
  const auto profile = dir.write("production.yaml", production_profile(s.emu->base_url()));
  const auto out = (dir.path / "watch.json").string();
  auto r = run_golive(
      {"watch", "--profile", profile, "--for", "1s", "--format", "json", "--output", out, "-q"},
      kWatchEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = json::parse(dir.read("watch.json"));
  CHECK(j["verdict"] == "QUIET");
  CHECK(j["exit_code"] == 0);
  CHECK(j["environment"] == "production");
  CHECK(j["findings"].empty());
  CHECK(j["rate_per_s"] == 5.0);
  CHECK(r.err == "VERDICT: QUIET (exit 0)\n");
}

TEST_CASE("watch CLI: bad input is exit 2 and sends nothing", "[cli][watch]") {
  CHECK(run_golive({"watch"}).exit_code == 2);
  CHECK(run_golive({"watch", "--env", "demo", "--for", "0s"}).exit_code == 2);
  CHECK(run_golive({"watch", "--env", "demo", "--for", "soon"}).exit_code == 2);
  CHECK(run_golive({"watch", "--env", "demo", "--format", "sarif"}).exit_code == 2);
  CHECK(run_golive({"watch", "--env", "no-such-profile"}).exit_code == 2);
}

TEST_CASE("watch CLI: the embedded demo is quiet", "[cli][watch]") {
  auto r = run_golive({"watch", "--env", "demo", "--for", "1s", "--format", "json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["answered"].get<int>() >= 2);
}
