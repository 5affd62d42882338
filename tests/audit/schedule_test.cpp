#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "audit/schedule.hpp"

using namespace golive;
using namespace golive::audit;
using namespace std::chrono_literals;

namespace {

RequestInfo get(const std::string& path) {
  return RequestInfo{"GET", path, "", "", ""};
}
RequestInfo post(const std::string& path, const std::string& key, const std::string& body) {
  return RequestInfo{"POST", path, "", key, body};
}

/// Sends `r` and settles it as failed when a fault was injected.
std::string send(FaultPlanner& p, const RequestInfo& r, std::chrono::steady_clock::time_point& t) {
  auto d = p.decide(r, t, std::chrono::system_clock::now());
  p.settle(r, d.step.has_value(), t);
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
  CHECK(s.rules.size() == 8);
  CHECK(builtin_schedule("none").rules.empty());
  CHECK_THROWS_WITH(builtin_schedule("nope"),
                    Catch::Contains("built-in: default, none, dropped-response"));
}

TEST_CASE("selectors tell money movements from other writes") {
  CHECK(is_money_movement("POST", "/v1/investors/inv_1/deposits"));
  CHECK(is_money_movement("POST", "/v1/investors/inv_1/withdrawals/"));
  CHECK_FALSE(is_money_movement("GET", "/v1/investors/inv_1/deposits"));
  CHECK_FALSE(is_money_movement("POST", "/v1/investors/inv_1/deposits/dep_1/cancel"));
  CHECK(matches(Selector::write, post("/v1/investors", "", "x")));
  CHECK_FALSE(matches(Selector::write, post("/v1/investors/i/deposits", "", "x")));
  CHECK(matches(Selector::deposit, post("/v1/investors/i/deposits", "", "x")));
  CHECK_FALSE(matches(Selector::withdrawal, post("/v1/investors/i/deposits", "", "x")));
}

TEST_CASE("the default schedule faults operations, not attempts") {
  FaultPlanner p(builtin_schedule("default"), 1);
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
  CHECK(run == std::multiset<std::string>{"500", "500", "503", "503"});
  CHECK(send(p, get("/v1/investors/i/deposits"), t) == "pass");
  CHECK(send(p, post("/v1/investors/i/funding-sources", "", "f"), t) == "400");
  CHECK(send(p, get("/v1/investors/i/orders"), t) == "401");
  for (int i = 0; i < 12; ++i) CHECK(send(p, get("/v1/investors/i/positions"), t) == "503");
  CHECK(send(p, get("/v1/investors/i/positions"), t) == "pass");
}

TEST_CASE("Retry-After: seconds, and an HTTP-date rounded up to a whole second") {
  FaultPlanner p(builtin_schedule("default"), 1);
  auto t = std::chrono::steady_clock::now();
  auto d = p.decide(get("/a"), t, std::chrono::system_clock::now());
  CHECK(d.retry_after == "1");
  CHECK(d.retry_after_ms == 1000);
  p.settle(get("/a"), true, t);
  p.decide(get("/a"), t, std::chrono::system_clock::now());
  p.settle(get("/a"), false, t);
  const auto wall = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000)) + 250ms;
  d = p.decide(get("/b"), t, wall);
  CHECK(d.step->http_date);
  CHECK(d.retry_after == "Tue, 14 Nov 2023 22:13:22 GMT");
  CHECK(d.retry_after_ms == 1750);
}

TEST_CASE("a seed decides the shuffled order, the same seed the same order") {
  auto order = [](std::uint64_t seed) {
    FaultPlanner p(builtin_schedule("default"), seed);
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
              "POST, PUT, any, deposit, money, withdrawal, write)");
    CHECK(e.diagnostics()[1].message.find("fault 418 is not injectable") == 0);
    CHECK(e.diagnostics()[2].message == "unknown key 'nht'; did you mean 'nth'?");
    CHECK(e.diagnostics()[3].message.find("retry_after must be") == 0);
  }
  std::filesystem::remove(path);
  std::filesystem::remove(bad);
}
