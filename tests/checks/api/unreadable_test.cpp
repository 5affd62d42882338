// Issue 10 §6: a live check whose answer could not be read (cut at the client's size cap, not
// JSON, not the expected list) is inconclusive with the reason, never a pass or a warning; and
// a fail only when the body's format is the claim itself.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

const std::string kHook = "https://partner.example.com/hooks/bluum";

/// A JSON list of `bytes` or more: [{"id":"ast_0000000"},...].
std::string huge_list(size_t bytes) {
  std::string out = "[";
  for (size_t i = 0; out.size() < bytes; ++i) {
    out += (i ? ",{\"id\":\"ast_" : "{\"id\":\"ast_") + std::to_string(1000000 + i) + "\"}";
  }
  return out + "]";
}

/// A content type the test server does not compress (it would spend a minute on 20 MB of
/// brotli); the checks read the body as JSON whatever its type.
constexpr const char* kRaw = "application/x-golive-test";

/// A server answering every GET under /v1 with `status` and `body`.
void answer_all(TestServer<>& srv, int status, const std::string& body, const char* type) {
  srv.server().Get(R"(/v1/.*)", [=](const httplib::Request&, httplib::Response& res) {
    res.status = status;
    res.set_header("X-Request-Id", "req_unreadable");
    res.set_content(body, type);
  });
  srv.start();
}

}  // namespace

TEST_CASE("api.smoke: a 20 MB answer to GET /assets is inconclusive, never warn or pass",
          "[checks][api]") {
  TestServer<> srv;
  answer_all(srv, 200, huge_list(20 * 1000 * 1000), kRaw);
  ApiHarness h;
  h.time = std::chrono::milliseconds(30000);
  const auto r = h.run("api.smoke", api_target(srv.url("/v1")));
  INFO(r.summary);
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("body is over 16777216 bytes and was cut") &&
                            Catch::Contains("a JSON list could not be verified"));
  CHECK_THAT(r.fix, Catch::Contains("path and query options"));
  REQUIRE_FALSE(r.evidence.empty());
  CHECK(r.evidence.back().request_id == "req_unreadable");
}

TEST_CASE("api.livemode: a list that is cut, not JSON or not a list is inconclusive",
          "[checks][api]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases{
      {huge_list(5 * 1024 * 1024), kRaw, "exceeded the size cap"},
      {"<html>gateway</html>", "text/html", "response body is not JSON"},
      {R"({"id":"inv_1"})", "application/json", "body is not a list"}};
  for (const auto& [body, type, reason] : cases) {
    INFO(reason);
    TestServer<> srv;
    answer_all(srv, 200, body, type.c_str());
    ApiHarness h;
    const auto r = h.run("api.livemode", api_target(srv.url("/v1"), EnvKind::production));
    CHECK(r.status == Status::inconclusive);
    CHECK_THAT(r.summary, Catch::Contains(reason) &&
                              Catch::Contains("the keys' livemode could not be verified"));
    require_no_secret(r);
  }
}

TEST_CASE("webhook.registration: an unreadable page of endpoints is inconclusive",
          "[checks][webhook][api]") {
  TestServer<> srv;
  answer_all(srv, 200, "<html>login</html>", "text/html");
  ApiHarness h;
  const auto r = h.run("webhook.registration", with_webhook(api_target(srv.url("/v1")), kHook));
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("response body is not JSON") &&
                            Catch::Contains("the registration could not be verified"));
}

TEST_CASE(
    "webhook.registration: no match in the pages read while has_more is still true is "
    "inconclusive, not a failure",
    "[checks][webhook][api]") {
  TestServer<> srv;
  answer_all(
      srv, 200,
      R"({"object":"list","has_more":true,"data":[{"id":"we_other","url":"https://x.example/h","status":"ACTIVE","eventTypeNames":["order.*"]}]})",
      "application/json");
  ApiHarness h;
  const auto r = h.run("webhook.registration", with_webhook(api_target(srv.url("/v1")), kHook));
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary,
             Catch::Contains("among the first 5 registered") && Catch::Contains("5 pages of 100"));
}

TEST_CASE(
    "api.error-model: an error body cut at the size cap is inconclusive; one that is not "
    "JSON still fails",
    "[checks][api]") {
  TestServer<> cut;
  answer_all(cut, 404, std::string(5 * 1024 * 1024, 'x'), kRaw);
  ApiHarness h;
  const auto r = h.run("api.error-model", api_target(cut.url("/v1")));
  CHECK(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("was cut") &&
                            Catch::Contains("the error envelope could not be verified"));

  TestServer<> html;
  answer_all(html, 404, "<html>not found</html>", "text/html");
  CHECK(h.run("api.error-model", api_target(html.url("/v1"))).status == Status::fail);
}
