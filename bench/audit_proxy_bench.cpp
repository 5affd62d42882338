// Latency the audit proxy adds (issue 6): the same small GET sent straight to a loopback
// upstream and through the proxy (schedule "none", recording on), sequentially over keep-alive
// connections and from several threads at once. Usage: bench_audit_proxy [REQUESTS] [THREADS]
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "audit/proxy.hpp"
#include "net/curl_client.hpp"

using namespace golive;
using Clock = std::chrono::steady_clock;

namespace {

struct Stats {
  double p50, p95, p99, mean;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))]; };
  double sum = 0;
  for (double x : v) sum += x;
  return {at(0.50), at(0.95), at(0.99), sum / static_cast<double>(v.size())};
}

/// Latencies (µs) of `n` GETs of `url` from each of `threads` threads.
std::vector<double> measure(net::CurlClient& client, const std::string& url, int n, int threads) {
  std::vector<std::vector<double>> per(static_cast<size_t>(threads));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < n; ++i) {
        net::Request r;
        r.url = url;
        const auto start = Clock::now();
        auto ex = client.send(r);
        const auto us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        if (!ex.response() || ex.response()->status != 200) std::abort();
        per[static_cast<size_t>(t)].push_back(us);
      }
    });
  }
  for (auto& th : pool) th.join();
  std::vector<double> all;
  for (auto& v : per) all.insert(all.end(), v.begin(), v.end());
  return all;
}

void report(const char* label, const Stats& direct, const Stats& proxied) {
  std::printf(
      "%-22s direct p50 %7.0f us p95 %7.0f us p99 %7.0f us | proxied p50 %7.0f us p95 %7.0f us "
      "p99 %7.0f us | added p50 %6.0f us\n",
      label, direct.p50, direct.p95, direct.p99, proxied.p50, proxied.p95, proxied.p99,
      proxied.p50 - direct.p50);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 500;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 4;
  httplib::Server upstream;
  upstream.set_tcp_nodelay(true);  // as a real API server would; else Nagle adds 40 ms
  upstream.Get(".*", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Request-Id", "req_bench");
    res.set_content(R"({"data":[{"symbol":"AAPL"}],"has_more":false})", "application/json");
  });
  const int port = upstream.bind_to_any_port("127.0.0.1");
  std::thread serve([&] { upstream.listen_after_bind(); });
  while (!upstream.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const auto record = std::filesystem::temp_directory_path() / "golive-bench-audit.jsonl";
  audit::Recorder recorder(record.string());
  audit::FaultPlanner planner(audit::builtin_schedule("none"), 1);
  audit::ProxyConfig config;
  config.upstream_base_url = "http://127.0.0.1:" + std::to_string(port) + "/v1";
  config.run_id = "bench-000000";
  audit::Proxy proxy(config, planner, recorder, Clock::now());
  proxy.start();

  net::CurlClient client(net::CurlOptions{{}, {}, {}, static_cast<size_t>(threads) * 2});
  const std::string direct_url = config.upstream_base_url + "/assets";
  const std::string proxy_url = proxy.base_url() + "/assets";
  measure(client, direct_url, 50, 1);  // warm-up: connections, caches
  measure(client, proxy_url, 50, 1);
  std::printf("bench_audit_proxy: %d requests per thread, loopback, keep-alive, recording on\n", n);
  report("sequential (1 thread)", stats(measure(client, direct_url, n, 1)),
         stats(measure(client, proxy_url, n, 1)));
  char label[64];
  std::snprintf(label, sizeof label, "concurrent (%d threads)", threads);
  report(label, stats(measure(client, direct_url, n, threads)),
         stats(measure(client, proxy_url, n, threads)));
  proxy.stop();
  upstream.stop();
  serve.join();
  std::filesystem::remove(record);
  return 0;
}
