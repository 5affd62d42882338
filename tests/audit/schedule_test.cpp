#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "audit/schedule.hpp"
#include "engine/packs.hpp"

using namespace golive;
using namespace golive::audit;
using namespace std::chrono_literals;

namespace {

const ProviderPack& bluum() {
  return provider_pack("bluum");
}

/// The money kind the Bluum pack gives `method` `path` (a /v1 path, as the proxy sees it).
std::string kind_of(const std::string& method, const std::string& path) {
  const MoneyEndpoint* m =
      bluum().money_endpoint(method, path.substr(path.rfind("/v1", 0) == 0 ? 3 : 0));
  return m == nullptr ? "" : m->kind;
}

RequestInfo get(const std::string& path) {
  return RequestInfo{"GET", path, "", "", "", ""};
}
RequestInfo post(const std::string& path, const std::string& key, const std::string& body) {
  return RequestInfo{"POST", path, "", key, body, kind_of("POST", path)};
}

/// A built-in schedule bound to the Bluum pack, as `audit` runs it.
Schedule bluum_schedule(const std::string& name) {
  return bind_schedule(builtin_schedule(name), bluum());
}

/// Sends `r` as the next request to arrive and settles it as failed when a fault was injected.
std::string send(FaultPlanner& p, const RequestInfo& r, std::chrono::steady_clock::time_point& t) {
  static std::int64_t seq = 0;
  ++seq;
  auto d = p.decide(r, seq, t, std::chrono::system_clock::now());
  p.settle(r, seq, d.step.has_value(), t);
  t += 10ms;
  return d.step ? d.step->name() : "pass";
}

std::string write_file(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("built-in schedules parse and are listed with descriptions") {
  const auto& all = builtin_schedules();
  REQUIRE(all.size() == 3);
  CHECK(all[0].first == "default");
  auto s = builtin_schedule("default");
  CHECK(s.rules.size() == 7);
  CHECK(builtin_schedule("none").rules.empty());
  CHECK_THROWS_WITH(builtin_schedule("nope"),
                    Catch::Contains("built-in: default, none, dropped-response"));
}

TEST_CASE("selectors tell the pack's money movements from other writes") {
  CHECK(kind_of("POST", "/v1/investors/inv_1/deposits") == "deposit");
  CHECK(kind_of("POST", "/v1/investors/inv_1/withdrawals/") == "withdrawal");
  CHECK(kind_of("GET", "/v1/investors/inv_1/deposits").empty());
  CHECK(kind_of("POST", "/v1/investors/inv_1/deposits/dep_1/cancel").empty());
  Rule write, deposit, withdrawal, money;
  write.on = Selector::write;
  money.on = Selector::money;
  deposit.on = withdrawal.on = Selector::kind;
  deposit.kind = "deposit";
  withdrawal.kind = "withdrawal";
  CHECK(matches(write, post("/v1/investors", "", "x")));
  CHECK_FALSE(matches(write, post("/v1/investors/i/deposits", "", "x")));
  CHECK(matches(deposit, post("/v1/investors/i/deposits", "", "x")));
  CHECK_FALSE(matches(withdrawal, post("/v1/investors/i/deposits", "", "x")));
  CHECK(matches(money, post("/v1/investors/i/withdrawals", "", "x")));
}

TEST_CASE("a schedule is bound to the pack: its money kinds, documented codes and Retry-After") {
  auto s = bluum_schedule("default");
  for (const auto& rule : s.rules) {
    for (const auto& step : rule.steps) {
      CHECK_FALSE(step.server_error);
      // Bluum documents BLUM-500-* only among server errors: every 5xx is a 500.
      if (step.status >= 500) CHECK(step.status == 500);
    }
  }
  ProviderPack seconds_only = bluum();
  seconds_only.retry_after = "seconds";
  for (const auto& rule : bind_schedule(builtin_schedule("default"), seconds_only).rules) {
    for (const auto& step : rule.steps) CHECK_FALSE(step.http_date);
  }
  CHECK_THROWS_AS(FaultPlanner(builtin_schedule("default"), 1), std::invalid_argument);

  auto path = write_file("golive-audit-bind.yaml", R"(version: 1
faults:
  - {on: payment, fault: drop}
  - {on: GET, fault: 503}
  - {on: deposit, fault: 500}
)");
  try {
    bind_schedule(resolve_schedule(path), bluum());
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK_THAT(e.diagnostics()[0].message,
               Catch::StartsWith("unknown selector 'payment'") &&
                   Catch::Contains("provider bluum has the money kinds deposit, withdrawal"));
    CHECK_THAT(e.diagnostics()[1].message,
               Catch::StartsWith("fault 503: provider bluum documents no error code for it"));
  }
  std::filesystem::remove(path);
}

TEST_CASE("the default schedule faults operations, not attempts") {
  FaultPlanner p(bluum_schedule("default"), 1);
  auto t = std::chrono::steady_clock::now();
  CHECK(send(p, get("/v1/assets"), t) == "429");
  CHECK(send(p, get("/v1/assets"), t) == "pass");  // the retry of GET #1
  CHECK(send(p, post("/v1/investors", "", "a"), t) == "pass");
  CHECK(send(p, post("/v1/investors/i/deposits", "k1", "d"), t) == "drop");
  CHECK(send(p, post("/v1/investors/i/deposits", "k1", "d"), t) == "pass");
  CHECK(send(p, get("/v1/investors/i"), t) == "429");
  CHECK(send(p, get("/v1/investors/i"), t) == "pass");
  std::multiset<std::string> run;
  for (int i = 0; i < 4; ++i) run.insert(send(p, get("/v1/investors/i/deposits"), t));
  CHECK(run == std::multiset<std::string>{"500", "500", "500", "500"});
  CHECK(send(p, get("/v1/investors/i/deposits"), t) == "pass");
  CHECK(send(p, post("/v1/investors/i/funding-sources", "", "f"), t) == "400");
  CHECK(send(p, get("/v1/investors/i/orders"), t) == "401");
  for (int i = 0; i < 12; ++i) CHECK(send(p, get("/v1/investors/i/positions"), t) == "500");
  CHECK(send(p, get("/v1/investors/i/positions"), t) == "pass");
}

TEST_CASE("operation identity: one key is one operation, without a key only the next request") {
  const RequestInfo a = get("/v1/assets");
  CHECK(same_operation(a, a, true));
  CHECK_FALSE(same_operation(a, a, false));  // another request came in between
  CHECK_FALSE(same_operation(a, get("/v1/assets?page=2"), true));
  const RequestInfo w1 = post("/v1/investors/i/withdrawals", "k1", "same-body");
  const RequestInfo w2 = post("/v1/investors/i/withdrawals", "k2", "same-body");
  CHECK_FALSE(same_operation(w1, w2, true));  // different keys: different operations
  CHECK(same_operation(w1, w1, false));       // the same key, whatever came in between
  CHECK(same_operation(w1, post("/v1/investors/i/withdrawals", "k1", "other-body"), false));
  CHECK_FALSE(same_operation(w1, post("/v1/investors/i/withdrawals", "", "same-body"), true));
  RequestInfo keyed_get = get("/v1/assets");
  keyed_get.idempotency_key = "fresh-per-attempt";
  CHECK_FALSE(keyed(keyed_get));  // a key on a GET means nothing to the server
  CHECK(same_operation(keyed_get, get("/v1/assets"), true));
}

TEST_CASE("the planner: a retry continues its operation, a repeat after another request is new") {
  auto path = write_file("golive-audit-identity.yaml", R"(version: 1
faults:
  - {on: withdrawal, nth: 1, fault: [drop, 503]}
  - {on: withdrawal, nth: 3, fault: 422}
  - {on: GET, nth: 1, fault: [401, 503]}
  - {on: GET, nth: 3, fault: 404}
  - {on: GET, nth: 4, fault: [500, 502]}
  - {on: write, nth: 1, fault: [400, 503]}
)");
  FaultPlanner p(resolve_schedule(path), 1);
  std::filesystem::remove(path);
  auto t = std::chrono::steady_clock::now();
  const std::string w = "/v1/investors/i/withdrawals";
  CHECK(send(p, post(w, "k1", "b"), t) == "drop");  // withdrawal #1
  CHECK(send(p, post(w, "k2", "b"), t) == "pass");  // withdrawal #2: same body, its own key
  CHECK(send(p, post(w, "k1", "b"), t) == "503");   // withdrawal #1 again: its key, its faults
  CHECK(send(p, post(w, "k3", "b"), t) == "422");   // withdrawal #3
  CHECK(send(p, post(w, "k4", "b"), t) == "pass");  // withdrawal #4, right after a refused one
  CHECK(send(p, get("/v1/assets"), t) == "401");    // GET #1, not retried
  CHECK(send(p, get("/v1/positions"), t) == "pass");
  CHECK(send(p, get("/v1/assets"), t) == "404");  // GET #3: the loop's next step, not a retry
  CHECK(send(p, get("/v1/orders"), t) == "500");  // GET #4
  CHECK(send(p, get("/v1/orders"), t) == "502");  // the very next request: its retry
  CHECK(send(p, get("/v1/orders"), t) == "pass");
  CHECK(send(p, post("/v1/investors", "", "x"), t) == "400");  // write #1, key-less
  CHECK(send(p, get("/v1/assets"), t) == "pass");
  CHECK(send(p, post("/v1/investors", "", "x"), t) == "pass");  // write #2, not the retry
}

TEST_CASE("Retry-After: seconds, and an HTTP-date rounded up to a whole second") {
  FaultPlanner p(bluum_schedule("default"), 1);
  auto t = std::chrono::steady_clock::now();
  auto d = p.decide(get("/a"), 1, t, std::chrono::system_clock::now());
  CHECK(d.retry_after == "1");
  CHECK(d.retry_after_ms == 1000);
  p.settle(get("/a"), 1, true, t);
  p.decide(get("/a"), 2, t, std::chrono::system_clock::now());
  p.settle(get("/a"), 2, false, t);
  const auto wall = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000)) + 250ms;
  d = p.decide(get("/b"), 3, t, wall);
  CHECK(d.step->http_date);
  CHECK(d.retry_after == "Tue, 14 Nov 2023 22:13:22 GMT");
  CHECK(d.retry_after_ms == 1750);
}

TEST_CASE("a seed decides the shuffled order, the same seed the same order") {
  auto path = write_file("golive-audit-shuffle.yaml", R"(version: 1
faults:
  - {on: GET, nth: 3, fault: [500, 502, 503, 504], shuffle: true}
)");
  const Schedule shuffled = resolve_schedule(path);
  std::filesystem::remove(path);
  auto order = [&shuffled](std::uint64_t seed) {
    FaultPlanner p(shuffled, seed);
    auto t = std::chrono::steady_clock::now();
    send(p, get("/1"), t);
    send(p, get("/2"), t);
    std::string s;
    for (int i = 0; i < 4; ++i) s += send(p, get("/3"), t) + " ";
    return s;
  };
  CHECK(order(7) == order(7));
  bool differs = false;
  for (std::uint64_t seed = 1; seed < 10 && !differs; ++seed) differs = order(seed) != order(0);
  CHECK(differs);
}

TEST_CASE("a YAML schedule overrides the built-ins; mistakes are located") {
  auto path = write_file("golive-audit-schedule.yaml", R"(version: 1
name: mine
retry_window_s: 5
faults:
  - {on: POST, nth: 2, fault: 503, count: 3, retry_after: [1, 2]}
  - {on: GET, path: /assets, fault: 429, retry_after: date+2}
)");
  auto s = resolve_schedule(path);
  CHECK(s.name == "mine");
  CHECK(s.retry_window == 5s);
  REQUIRE(s.rules.size() == 2);
  CHECK(s.rules[0].steps.size() == 3);
  CHECK(s.rules[0].steps[0].retry_after_s == std::pair{1, 2});
  CHECK(s.rules[1].path_contains == "/assets");
  CHECK(s.rules[1].steps[0].http_date);

  auto bad = write_file("golive-audit-bad.yaml", R"(version: 1
faults:
  - {on: GETT, fault: 429}
  - {on: GET, fault: 418}
  - {on: GET, fault: 503, retry_after: soon, nht: 2}
)");
  try {
    resolve_schedule(bad);
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() == 4);
    CHECK(e.diagnostics()[0].str() ==
          bad +
              ":3:10: unknown selector 'GETT' (known: DELETE, GET, PATCH, "
              "POST, PUT, any, money, write, or a money kind of the provider pack such as "
              "deposit)");
    CHECK(e.diagnostics()[1].message.find("fault 418 is not injectable") == 0);
    CHECK(e.diagnostics()[2].message == "unknown key 'nht'; did you mean 'nth'?");
    CHECK(e.diagnostics()[3].message.find("retry_after must be") == 0);
  }
  std::filesystem::remove(path);
  std::filesystem::remove(bad);
}
