// Issue 10 §7: the suite never opens a connection off loopback. Every CTest case runs with the
// proxy variables at a closed loopback port and loopback exempt (cmake/GoliveModule.cmake);
// these cases prove that guard holds for the tool's own client, which honours the variables
// (libcurl's rules) for every host except loopback ones, which it always reaches directly.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <future>
#include <optional>
#include <string>

#include "net/curl_client.hpp"
#include "net/test_server.hpp"

using namespace golive::net;
using golive::testing::RawSocket;
using golive::testing::TestServer;

namespace {

const char* const kProxyVars[] = {"http_proxy",  "HTTP_PROXY", "https_proxy",
                                  "HTTPS_PROXY", "all_proxy",  "ALL_PROXY"};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

/// Sets (or, with nullopt, unsets) a variable for the scope; restores the old value after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

Request get(const std::string& url) {
  Request r;
  r.url = url;
  r.timeout = std::chrono::milliseconds(5000);
  return r;
}

constexpr const char* kForbidden =
    "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

}  // namespace

TEST_CASE("hermetic: every test runs with each proxy variable at the closed loopback guard port",
          "[net][hermetic][integration]") {
  const std::string guard = env("GOLIVE_TEST_GUARD_PROXY");
  REQUIRE_THAT(guard, Catch::StartsWith("http://127.0.0.1:"));
  for (const char* var : kProxyVars) {
    INFO(var);
    CHECK(env(var) == guard);
  }
  CHECK(env("no_proxy") == "127.0.0.1,localhost,::1");
  CHECK(env("NO_PROXY") == "127.0.0.1,localhost,::1");
}

TEST_CASE("hermetic: a request to a non-loopback name fails at the guard, before any DNS lookup",
          "[net][hermetic][integration]") {
  REQUIRE_FALSE(env("GOLIVE_TEST_GUARD_PROXY").empty());
  CurlClient client;
  // .invalid never resolves: reaching "connect" rather than "dns" shows the client went to the
  // proxy (which resolves names itself) and found it closed.
  for (const char* url :
       {"https://golive-hermetic.invalid/v1/assets", "http://golive-hermetic.invalid/v1/assets"}) {
    INFO(url);
    const Exchange x = client.send(get(url));
    REQUIRE(x.error() != nullptr);
    CHECK(x.error()->kind == TransportErrorKind::connect);
  }
}

TEST_CASE("hermetic: the tool's client sends an off-loopback request to the proxy it is given",
          "[net][hermetic][integration]") {
  RawSocket proxy(true);
  const std::string proxy_url = "http://127.0.0.1:" + std::to_string(proxy.port());
  ScopedEnv https_lower("https_proxy", proxy_url), https_upper("HTTPS_PROXY", proxy_url),
      http_lower("http_proxy", proxy_url);
  CurlClient client;

  auto tunnel = std::async(std::launch::async, [&] { return proxy.answer_one(kForbidden); });
  const Exchange x = client.send(get("https://api.bluumfinance.com/v1/assets"));
  CHECK_THAT(tunnel.get(), Catch::StartsWith("CONNECT api.bluumfinance.com:443 HTTP/1.1\r\n"));
  CHECK(x.error() != nullptr);  // the proxy refused the tunnel: nothing left this machine

  auto plain = std::async(std::launch::async, [&] { return proxy.answer_one(kForbidden); });
  const Exchange y = client.send(get("http://partner.example.com/hooks"));
  CHECK_THAT(plain.get(), Catch::StartsWith("GET http://partner.example.com/hooks HTTP/1.1\r\n"));
  REQUIRE(y.response() != nullptr);
  CHECK(y.response()->status == 403);
}

TEST_CASE("hermetic: loopback targets are reached directly even without no_proxy",
          "[net][hermetic][integration]") {
  RawSocket proxy(true);
  const std::string proxy_url = "http://127.0.0.1:" + std::to_string(proxy.port());
  ScopedEnv http_lower("http_proxy", proxy_url), no_lower("no_proxy", std::nullopt),
      no_upper("NO_PROXY", std::nullopt);
  TestServer<> srv;
  srv.server().Get("/ping", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("pong", "text/plain");
  });
  srv.start();

  const Exchange x = CurlClient().send(get(srv.url("/ping")));
  REQUIRE(x.response() != nullptr);
  CHECK(x.response()->body == "pong");  // through the proxy it would have had no answer
}
