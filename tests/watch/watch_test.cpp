// `watch` against the Bluum emulator: what is stuck, disabled or answered with an error is
// reported; what is fine is not; only GETs are sent.
#include <catch2/catch.hpp>

#include <mutex>
#include <sstream>

#include "engine/context.hpp"
#include "engine/packs.hpp"
#include "net/curl_client.hpp"
#include "stuck_state.hpp"
#include "watch/watch.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

/// Sends through a CurlClient and remembers every method sent.
class RecordingClient final : public net::HttpClient {
 public:
  net::Exchange send(const net::Request& r) override {
    {
      std::lock_guard lock(mu_);
      methods.push_back(r.method);
    }
    return curl_.send(r);
  }
  std::vector<std::string> methods;

 private:
  std::mutex mu_;
  net::CurlClient curl_;
};

Target watch_target(const std::string& base_url) {
  Target t;
  t.profile.path = "/tmp/production.yaml";
  t.profile.kind = EnvKind::production;
  t.profile.environment = "production";
  t.profile.base_url = base_url;
  t.base_url = base_url;
  t.profile.http = profile::HttpConfig{5, 4, 50, 500};
  t.credentials["api_key"] = profile::Resolution{Secret(kWatchKey, "env K"), ""};
  t.credentials["api_secret"] = profile::Resolution{Secret(kWatchSecret, "env S"), ""};
  return t;
}

/// One short watch (a single round) of `emu` with the Bluum pack.
struct WatchRun {
  ProviderPack pack = provider_pack("bluum");
  RecordingClient http;
  watch::WatchReport report;
  std::vector<std::string> progress;

  explicit WatchRun(const std::string& base_url, std::chrono::seconds duration = {}) {
    Target t = watch_target(base_url);
    ProviderApi api(pack, t, http, nullptr, std::chrono::seconds(5));
    watch::WatchOptions o;
    o.duration = duration;
    o.interval = std::chrono::seconds(1);
    report = watch::run_watch(pack, api, SystemClock::instance(), o,
                              [&](const std::string& line) { progress.push_back(line); });
  }

  std::vector<const watch::Finding*> of(const std::string& kind) const {
    std::vector<const watch::Finding*> out;
    for (const auto& f : report.findings) {
      if (f.kind == kind) out.push_back(&f);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("watch: reports operations stuck past the pack's limits, and only those", "[watch]") {
  StuckEmulator s;
  s.make_stuck();
  WatchRun w(s.emu->base_url());
  INFO(nlohmann::json::parse([&] {
         std::ostringstream o;
         watch::write_report("json", w.report, o);
         return o.str();
       }())
           .dump(2));
  const auto stuck = w.of("stuck");
  std::set<std::string> ids;
  for (const auto* f : stuck) ids.insert(f->list + " " + f->id + " " + f->status);
  CHECK(ids == std::set<std::string>{"deposits " + s.ids.manual_deposit + " pending",
                                     "withdrawals " + s.ids.withdrawal + " pending",
                                     "orders " + s.ids.day_order + " open"});
  for (const auto* f : stuck) {
    CHECK(f->age_s > 19 * 86400);
    CHECK(f->age_s > f->after_s);
  }
  // The good-till-cancelled limit order, the filled order and the completed deposit are fine.
  CHECK(w.report.items == 7);  // investor, 3 orders, 2 deposits, 1 withdrawal
  const auto hooks = w.of("webhook");
  REQUIRE(hooks.size() == 1);
  CHECK(hooks[0]->id == s.ids.inactive_webhook);
  CHECK_THAT(hooks[0]->detail, Catch::Contains("is INACTIVE"));
  CHECK(w.of("http").empty());
  CHECK(w.report.exit_code == 1);
  CHECK(w.report.verdict == "ATTENTION NEEDED");
  CHECK(w.report.rounds == 1);
  REQUIRE(w.progress.size() == 1);
  CHECK_THAT(w.progress[0], Catch::Contains("round 1"));
}

TEST_CASE("watch: sends nothing but GET", "[watch]") {
  StuckEmulator s;
  s.make_stuck();
  WatchRun w(s.emu->base_url());
  REQUIRE_FALSE(w.http.methods.empty());
  for (const auto& m : w.http.methods) CHECK(m == "GET");
  // investors, then orders, deposits and withdrawals of the one investor, then webhooks.
  CHECK(w.http.methods.size() == 5);
}

TEST_CASE("watch: a quiet tenant is QUIET (exit 0)", "[watch]") {
  StuckEmulator s;
  WatchRun w(s.emu->base_url());
  CHECK(w.report.findings.empty());
  CHECK(w.report.answered == 2);  // investors and webhooks, both empty
  CHECK(w.report.exit_code == 0);
  CHECK(w.report.verdict == "QUIET");
}

TEST_CASE("watch: error answers are reported with status, code and request id", "[watch]") {
  SECTION("only the provider's 5xx, nothing read: inconclusive, the answers listed") {
    StuckEmulator s({"5xx-burst"});  // the first 3 requests answer 503
    WatchRun w(s.emu->base_url());
    const auto errors = w.of("http");
    REQUIRE(errors.size() == 2);  // investors and webhooks, one round
    CHECK(errors[0]->http_status == 503);
    CHECK(errors[0]->code == "BLUM-503-001");
    CHECK(errors[0]->request_id.rfind("req_", 0) == 0);
    CHECK(w.report.exit_code == 3);
  }
  SECTION("5xx seen while the lists were read: attention needed") {
    StuckEmulator s({"5xx-burst"});
    WatchRun w(s.emu->base_url(), std::chrono::seconds(2));
    CHECK(w.of("http").size() == 3);
    CHECK(w.report.answered > 0);
    CHECK(w.report.exit_code == 1);
  }
}

TEST_CASE("watch: credentials refused are reported with the code's meaning", "[watch]") {
  bluum::emulator::Options o;
  o.credentials = std::make_pair(std::string("other-key"), std::string("other-secret"));
  bluum::emulator::Emulator strict(o);
  strict.start();
  WatchRun w(strict.base_url());
  const auto errors = w.of("http");
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0]->http_status == 401);
  CHECK(errors[0]->code == "BLUM-401-003");
  CHECK_THAT(errors[0]->detail, Catch::Contains("invalid key or secret"));
  CHECK(w.report.answered == 0);
  CHECK(w.report.exit_code == 1);  // a refused key is a finding, not the provider's trouble
}

TEST_CASE("watch: nothing reachable is INCONCLUSIVE (exit 3)", "[watch]") {
  WatchRun w("http://127.0.0.1:9/v1");
  CHECK(w.report.answered == 0);
  CHECK(w.report.exit_code == 3);
  CHECK(w.report.verdict == "INCONCLUSIVE");
  CHECK_FALSE(w.report.notes.empty());
}

TEST_CASE("watch: polls again every interval until the window closes", "[watch]") {
  StuckEmulator s;
  WatchRun w(s.emu->base_url(), std::chrono::seconds(2));
  CHECK(w.report.rounds >= 2);
  CHECK(w.progress.size() == static_cast<size_t>(w.report.rounds));
}

TEST_CASE("watch: the pack's watch section is read and its polite rate is a fifth of the limit",
          "[watch]") {
  const auto& p = provider_pack("bluum");
  REQUIRE(p.watch);
  CHECK(p.watch->lists.size() == 4);
  CHECK(p.watch->lists[1].path == "/investors/{investors}/orders");
  CHECK(watch::polite_rate(p, EnvKind::production) == 5.0);
  CHECK(watch::polite_rate(p, EnvKind::sandbox) == 2.0);
  CHECK_THROWS_AS(parse_provider(R"(version: 1
pack_version: x
name: t
display_name: T
hosts: [{host: api.example.com, modes: [production]}]
credentials: [api_key]
auth: {strategy: bearer, credential: api_key}
mode: {from: profile}
errors: {code: /code, message: /message}
watch:
  lists:
    - {name: orders, path: "/users/{users}/orders"}
)",
                                 "test"),
                  ConfigError);
}
