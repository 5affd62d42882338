// Issue 3 benchmark (not a test): (1) the wall time of `check` running the live checks against
// an emulator with injected latency, next to its critical path — the longest chain of dependent
// requests times that latency; (2) `check --only api.smoke` as a whole process next to `curl`
// sending the same request. Usage: bench_live_checks [RUNS] [DELAY_MS]   (defaults 20, 1500)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/spawn.hpp"
#include "net/curl_client.hpp"
#include "providers/bluum/emulator/emulator.hpp"

namespace {

using Steady = std::chrono::steady_clock;
namespace fs = std::filesystem;

const char* kKey = "bench_key";
const char* kSecret = "bench_secret_0123456789";
const char* kLiveChecks = "api.smoke,api.tls,api.clock-skew,api.error-model,webhook.registration";

/// One finished child process: wall time and peak resident memory.
struct Run {
  double ms;
  double max_rss_mb;
};

/// Runs argv (stdout/stderr to /dev/null) and returns its wall time in ms and its peak RSS (from
/// wait4's rusage); exits on spawn failure.
Run measured_run(const std::vector<std::string>& args) {
  const auto began = Steady::now();
  const golive::core::Spawned child = golive::core::spawn(args);
  if (!child.ok()) {
    std::fprintf(stderr, "cannot start %s\n", args[0].c_str());
    std::exit(2);
  }
  const pid_t pid = child.pid;
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  const double ms = std::chrono::duration<double, std::milli>(Steady::now() - began).count();
  return {ms, static_cast<double>(ru.ru_maxrss) / 1024.0};
}

double timed_run(const std::vector<std::string>& args) {
  return measured_run(args).ms;
}

std::string profile(const std::string& base_url, const std::string& webhook_url) {
  return "version: 1\nprovider: bluum\nenvironment: sandbox\nbase_url: " + base_url +
         "\ncredentials:\n  api_key: {env: BENCH_KEY}\n  api_secret: {env: BENCH_SECRET}\n"
         "http: {timeout_s: 10, max_attempts: 4, backoff_base_ms: 250, backoff_cap_ms: 8000}\n"
         "webhook:\n  url: " +
         webhook_url + "\n  secret: {env: BENCH_SECRET}\n";
}

std::unique_ptr<golive::bluum::emulator::Emulator> start(std::set<std::string> faults, int delay_ms,
                                                         int rate) {
  golive::bluum::emulator::Options o;
  o.faults = std::move(faults);
  o.slow_delay = std::chrono::milliseconds(delay_ms);
  o.rate_limit_per_s = rate;
  o.deliver_webhooks = false;
  auto e = std::make_unique<golive::bluum::emulator::Emulator>(o);
  e->start();
  return e;
}

struct Stats {
  double median, mean, min;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  return {v[v.size() / 2], sum / static_cast<double>(v.size()), v.front()};
}

/// Part 1: wall time of the live checks against `slow`, and their critical path.
void critical_path(const std::string& binary, const fs::path& dir, int delay_ms) {
  auto emu = start({"slow"}, delay_ms, 10);
  const std::string hook = "https://partner.example.com/hooks/bluum";
  golive::net::Request reg;
  reg.method = "POST";
  reg.url = emu->base_url() + "/webhooks";
  reg.headers.set("Content-Type", "application/json");
  reg.body =
      R"({"name":"bench","url":")" + hook + R"(","eventTypeNames":["order.*","transfer.*"]})";
  reg.auth =
      golive::net::BasicAuth{golive::Secret(kKey, "bench"), golive::Secret(kSecret, "bench")};
  golive::net::CurlClient().send(reg);

  const auto p = (dir / "slow.yaml").string();
  std::ofstream(p) << profile(emu->base_url(), hook);
  const auto report = (dir / "slow.json").string();
  const double wall = timed_run({binary, "check", "--profile", p, "--only", kLiveChecks, "--format",
                                 "json", "--output", report, "--report-only"});
  std::ifstream in(report);
  const auto j = nlohmann::json::parse(in);
  size_t chain = 0, total = 0, first_wave = 0;
  std::string longest;
  for (const auto& c : j["checks"]) {
    size_t requests = 0;  // each check sends its requests one after another
    for (const auto& e : c["evidence"]) requests += e.contains("request") ? 1 : 0;
    total += requests;
    first_wave += requests > 0 ? 1 : 0;
    if (requests > chain) {
      chain = requests;
      longest = c["id"].get<std::string>();
    }
    std::printf("  %-22s %-5s %zu request(s)\n", c["id"].get<std::string>().c_str(),
                c["status"].get<std::string>().c_str(), requests);
  }
  const double path = static_cast<double>(chain * static_cast<size_t>(delay_ms));
  // The run throttles itself to 10 req/s in sandbox (100 ms apart) and every check starts at
  // once, so the longest chain may begin up to (first wave - 1) x 100 ms late.
  const double throttled = path + static_cast<double>(first_wave - 1) * 100.0;
  std::printf(
      "critical path: %zu dependent requests (%s) x %d ms = %.0f ms; with the 10 req/s "
      "throttle at most %.0f ms; serial would be %zu x %d ms = %zu ms\n",
      chain, longest.c_str(), delay_ms, path, throttled, total, delay_ms,
      total * static_cast<size_t>(delay_ms));
  std::printf(
      "wall time of `check --only <live checks>`: %.0f ms = %.2f x critical path "
      "(%+.0f ms against the throttled critical path)\n",
      wall, wall / path, wall - throttled);
}

/// Part 2: one smoke request as a whole process, bluum-golive vs curl; beside them, in the same
/// rounds, the floors: `bluum-golive --help` (the process with no profile, pack or request) and
/// bench_link_floor (bluum-golive's shared libraries and nothing else).
void smoke_vs_curl(const std::string& binary, const fs::path& dir, int runs) {
  auto emu = start({}, 0, 100000);
  const auto p = (dir / "fast.yaml").string();
  std::ofstream(p) << profile(emu->base_url(), "https://partner.example.com/hooks/bluum");
  const std::string url = emu->base_url() + "/assets";
  const std::string user = std::string(kKey) + ":" + kSecret;
  const std::vector<std::string> check = {binary,   "check",     "--profile", p,
                                          "--only", "api.smoke", "-q"};
  const std::vector<std::string> baseline = {"curl", "-s", "-o", "/dev/null", "-u", user, url};
  const std::vector<std::string> help = {binary, "--help"};
  const std::vector<std::string> floor = {GOLIVE_LINK_FLOOR};
  std::vector<double> golive, curl, ratio, rss, help_ratio, floor_ratio;
  // One warm-up each, then A B C D A B C D ...: each round's ratios hold when the machine drifts.
  for (const auto* cmd : {&check, &baseline, &help, &floor}) measured_run(*cmd);
  for (int i = 0; i < runs; ++i) {
    auto g = measured_run(check);
    auto c = measured_run(baseline);
    help_ratio.push_back(measured_run(help).ms / c.ms);
    floor_ratio.push_back(measured_run(floor).ms / c.ms);
    golive.push_back(g.ms);
    curl.push_back(c.ms);
    ratio.push_back(g.ms / c.ms);
    rss.push_back(g.max_rss_mb);
  }
  const auto g = stats(golive), c = stats(curl), r = stats(ratio), m = stats(rss);
  std::printf("api.smoke whole process, %d runs each, alternating (median / mean / min):\n", runs);
  std::printf("  bluum-golive check --only api.smoke -q  %6.1f / %6.1f / %6.1f ms\n", g.median,
              g.mean, g.min);
  std::printf("  curl -s -o /dev/null -u KEY:SECRET URL   %6.1f / %6.1f / %6.1f ms\n", c.median,
              c.mean, c.min);
  std::printf("  ratio, pair by pair (median / min): %.2fx / %.2fx curl\n", r.median, r.min);
  std::printf("  bluum-golive peak RSS (median): %.1f MB\n", m.median);
  const auto h = stats(help_ratio), f = stats(floor_ratio);
  std::printf("the floors, in the same rounds (ratio to that round's curl, median / min):\n");
  std::printf("  bluum-golive --help                       %.2fx / %.2fx curl\n", h.median, h.min);
  std::printf("  the same libraries, no code (link floor)  %.2fx / %.2fx curl\n", f.median, f.min);
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  const int delay_ms = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1500;
  setenv("BENCH_KEY", kKey, 1);
  setenv("BENCH_SECRET", kSecret, 1);
  setenv("NO_COLOR", "1", 1);
  const std::string binary = GOLIVE_BINARY;
  const fs::path dir = fs::temp_directory_path() / ("golive-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::printf("bluum-golive live-checks benchmark (binary %s)\n", binary.c_str());
  std::printf("[1] live checks against `emulate --fault slow` (%d ms per response)\n", delay_ms);
  critical_path(binary, dir, delay_ms);
  std::printf("[2] smoke request, whole process, against the emulator without faults\n");
  smoke_vs_curl(binary, dir, runs);
  fs::remove_all(dir);
  return 0;
}
