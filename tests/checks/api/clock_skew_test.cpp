// api.clock-skew against the emulator and servers whose Date is off by a chosen amount.
#include <catch2/catch.hpp>

#include <ctime>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

/// IMF-fixdate of now + `offset_s`.
std::string http_date(long offset_s) {
  std::time_t t = std::time(nullptr) + offset_s;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

/// A server answering every GET 200 with a Date `offset_s` away from now ("" = no Date).
struct DateServer {
  TestServer<> srv;
  explicit DateServer(long offset_s, bool send_date = true) {
    srv.server().Get(".*", [offset_s, send_date](const httplib::Request&, httplib::Response& res) {
      if (send_date) res.set_header("Date", http_date(offset_s));
      res.set_content(R"({"object":"list","data":[]})", "application/json");
    });
    srv.start();
  }
};

}  // namespace

TEST_CASE("api.clock-skew: the emulator's Date agrees with the local clock", "[checks][api]") {
  Emu e;
  ApiHarness h;
  const auto r = h.run("api.clock-skew", api_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::StartsWith("this machine's clock is "));
  CHECK_THAT(r.evidence[0].observed, Catch::Contains("Date: "));
}

TEST_CASE("api.clock-skew: a server 2 minutes behind warns", "[checks][api][integration]") {
  DateServer s(-120);
  ApiHarness h;
  const auto r = h.run("api.clock-skew", api_target(s.srv.url("/v1")));
  INFO(r.summary);
  REQUIRE(r.status == Status::warn);
  CHECK_THAT(r.summary, Catch::Contains("ahead of the API's") && Catch::Contains("beyond 30 s"));
  CHECK_FALSE(r.fix.empty());
}

TEST_CASE("api.clock-skew: beyond the webhook tolerance fails", "[checks][api][integration]") {
  DateServer s(600);
  ApiHarness h;
  auto r = h.run("api.clock-skew", api_target(s.srv.url("/v1")));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("behind the API's") &&
                            Catch::Contains("beyond the 300 s webhook tolerance"));
  DateServer two_min(120);
  r = h.run("api.clock-skew",
            with_webhook(api_target(two_min.srv.url("/v1")), "https://h.example/x", 60));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("beyond the 60 s webhook tolerance"));
}

TEST_CASE("api.clock-skew: no Date header is inconclusive", "[checks][api][integration]") {
  DateServer s(0, false);
  ApiHarness h;
  const auto r = h.run("api.clock-skew", api_target(s.srv.url("/v1")));
  // httplib may add its own Date; either way nothing is skewed or it cannot be measured.
  CHECK((r.status == Status::inconclusive || r.status == Status::pass));
}
