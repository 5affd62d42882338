// api.error-model against the emulator and servers with non-standard error bodies.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

/// A server answering the not-found probe with `status`/`body` and the unauthenticated probe 401.
struct ErrorServer {
  TestServer<> srv;
  ErrorServer(int status, std::string body, std::string type = "application/json") {
    srv.server().Get("/v1/investors/.*", [=](const httplib::Request&, httplib::Response& res) {
      res.status = status;
      res.set_content(body, type);
    });
    srv.server().Get("/v1/assets", [](const httplib::Request&, httplib::Response& res) {
      res.status = 401;
      res.set_content(R"({"code":"BLUM-401-001","message":"Missing Authorization header"})",
                      "application/json");
    });
    srv.start();
  }
};

}  // namespace

TEST_CASE("api.error-model: the emulator's errors follow the documented model", "[checks][api]") {
  Emu e;
  ApiHarness h;
  const auto r = h.run("api.error-model", api_target(e.emu.base_url()));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary,
             Catch::Contains("404 BLUM-404-001 (error envelope, type invalid_request_error)") &&
                 Catch::Contains("without credentials → 401 BLUM-401-001"));
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[0].status == 404);
  CHECK(r.evidence[1].status == 401);
  CHECK(builtin_registry().find("api.error-model")->info.environments ==
        std::vector<EnvKind>{EnvKind::sandbox});
}

TEST_CASE("api.error-model: drop-auth-check fails: authentication is not enforced",
          "[checks][api]") {
  Emu e({"drop-auth-check"});
  ApiHarness h;
  const auto r = h.run("api.error-model", api_target(e.emu.base_url()));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("a request without credentials was answered 200"));
  CHECK_FALSE(r.fix.empty());
  CHECK(r.evidence[1].status == 200);
}

TEST_CASE("api.error-model: the legacy {code,message} envelope passes",
          "[checks][api][integration]") {
  ErrorServer s(404, R"({"code":"BLUM-404-001","message":"Not found"})");
  ApiHarness h;
  const auto r = h.run("api.error-model", api_target(s.srv.url("/v1")));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary, Catch::Contains("404 BLUM-404-001 (error envelope)"));
}

TEST_CASE("api.error-model: a gateway's HTML 404 fails as not an envelope",
          "[checks][api][integration]") {
  ErrorServer s(404, "<html>Not Found</html>", "text/html");
  ApiHarness h;
  const auto r = h.run("api.error-model", api_target(s.srv.url("/v1")));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("the 404 body is not an error envelope") &&
                            Catch::Contains("not JSON"));
}

TEST_CASE("api.error-model: a code in another format or with another status fails",
          "[checks][api][integration]") {
  ApiHarness h;
  {
    ErrorServer s(404,
                  R"({"error":{"type":"invalid_request_error","code":"not_found","message":"x"}})");
    const auto r = h.run("api.error-model", api_target(s.srv.url("/v1")));
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(r.summary,
               Catch::Contains("error code 'not_found' is not in the provider's format"));
  }
  {
    ErrorServer s(
        404, R"({"error":{"type":"invalid_request_error","code":"BLUM-400-003","message":"x"}})");
    const auto r = h.run("api.error-model", api_target(s.srv.url("/v1")));
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains("BLUM-400-003 does not carry the HTTP status 404"));
  }
}
