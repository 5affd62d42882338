#include <catch2/catch.hpp>

#include "net/curl_client.hpp"
#include "net/fakes.hpp"
#include "net/test_server.hpp"

using namespace golive::net;
using golive::testing::error_of;
using golive::testing::RawSocket;
using golive::testing::response_of;
using golive::testing::TestServer;
using std::chrono::milliseconds;

namespace {

// base64("canary-user-51d2:canary-pass-8e7c"), computed independently of the code under test.
constexpr const char* kCanaryToken = "Y2FuYXJ5LXVzZXItNTFkMjpjYW5hcnktcGFzcy04ZTdj";
constexpr const char* kCanaryUser = "canary-user-51d2";
constexpr const char* kCanaryPass = "canary-pass-8e7c";

BasicAuth canary_auth() {
  return BasicAuth{golive::Secret(kCanaryUser, "test canary user"),
                   golive::Secret(kCanaryPass, "test canary password")};
}

/// Fails the test if `text` holds any form of the canary credentials.
void check_clean(const std::string& text) {
  CAPTURE(text);
  CHECK(text.find(kCanaryUser) == std::string::npos);
  CHECK(text.find(kCanaryPass) == std::string::npos);
  CHECK(text.find(kCanaryToken) == std::string::npos);
  CHECK(text.find("Authorization") == std::string::npos);
  CHECK(text.find("authorization") == std::string::npos);
}

struct Traced {
  std::vector<std::string> lines;
  CurlClient client{CurlOptions{[this](std::string_view l) { lines.emplace_back(l); }, "", "", 8}};
};

}  // namespace

TEST_CASE("net.curl: sends Basic auth built by the client and never traces it",
          "[net][integration][secrets]") {
  TestServer<> srv;
  std::string seen;
  srv.server().Get("/v1/account", [&](const httplib::Request& req, httplib::Response& res) {
    seen = req.get_header_value("Authorization");
    res.set_header("X-Request-Id", "rid-1");
    res.set_content("{}", "application/json");
  });
  srv.start();
  Traced t;
  Request r;
  r.url = srv.url("/v1/account?api_key=") + kCanaryPass;
  r.auth = canary_auth();

  const Exchange ex = t.client.send(r);

  REQUIRE(ex.response() != nullptr);
  CHECK(seen == std::string("Basic ") + kCanaryToken);
  CHECK(golive::redact(seen) == "***");  // the header value was registered with the Redactor
  REQUIRE(t.lines.size() == 1);
  for (const auto& line : t.lines) check_clean(line);
  for (const auto& a : ex.attempts) check_clean(a.url + " " + a.error);
}

TEST_CASE("net.curl: error messages and traces stay clean when auth fails to send",
          "[net][integration][secrets]") {
  RawSocket closed(false);
  Traced t;
  Request r;
  r.url = closed.url("/v1/account");
  r.auth = canary_auth();

  const Exchange ex = t.client.send(r);

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::connect);
  check_clean(error_of(ex).message);
  for (const auto& line : t.lines) check_clean(line);
}

TEST_CASE("net.curl: refuses auth over plain http to a non-loopback host before DNS",
          "[net][integration][secrets]") {
  Traced t;
  Request r;
  r.url = "http://example.invalid/v1/account";
  r.auth = canary_auth();
  r.timeout = milliseconds{2000};

  const Exchange ex = t.client.send(r);

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::policy);  // not dns: nothing was looked up
  CHECK(error_of(ex).message ==
        "refusing to send credentials over plain http to non-loopback host example.invalid");
  REQUIRE(t.lines.size() == 1);
  CHECK(t.lines[0].rfind("GET http://example.invalid/v1/account -> policy: refusing", 0) == 0);
  check_clean(t.lines[0]);
}

TEST_CASE("net.curl: refuses a hand-set Authorization header over plain http off loopback",
          "[net][integration][secrets]") {
  CurlClient client;
  Request r;
  r.url = "http://example.invalid/";
  r.headers.set("Authorization", std::string("Basic ") + kCanaryToken);
  const Exchange ex = client.send(r);
  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::policy);
}

TEST_CASE("net.curl: a hand-set Authorization header is sent and registered with the Redactor",
          "[net][integration][secrets]") {
  TestServer<> srv;
  std::string seen;
  srv.server().Get("/v1/me", [&](const httplib::Request& req, httplib::Response& res) {
    seen = req.get_header_value("Authorization");
    res.set_content("{}", "application/json");
  });
  srv.start();
  Traced t;
  Request r;
  r.url = srv.url("/v1/me");
  r.headers.set("Authorization", "Bearer bearer-canary-60c1");

  const Exchange ex = t.client.send(r);

  CHECK(response_of(ex).status == 200);
  CHECK(seen == "Bearer bearer-canary-60c1");
  CHECK(golive::redact("token bearer-canary-60c1") == "token ***");
  for (const auto& line : t.lines) CHECK(line.find("bearer-canary-60c1") == std::string::npos);
}
