#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "core/clock.hpp"
#include "net/curl_client.hpp"
#include "net/fakes.hpp"
#include "net/json_body.hpp"
#include "net/retrying_client.hpp"
#include "net/test_server.hpp"

using namespace golive::net;
using golive::testing::error_of;
using golive::testing::RawSocket;
using golive::testing::response_of;
using golive::testing::TestServer;
using std::chrono::milliseconds;

namespace {

Request get(const std::string& url, milliseconds timeout = milliseconds{5000}) {
  Request r;
  r.url = url;
  r.timeout = timeout;
  r.connect_timeout = std::min(timeout, milliseconds{2000});
  return r;
}

/// Collects trace lines (thread-safe).
struct TraceLog {
  std::mutex mu;
  std::vector<std::string> lines;
  CurlOptions options() {
    CurlOptions o;
    o.trace = [this](std::string_view line) {
      std::lock_guard lock(mu);
      lines.emplace_back(line);
    };
    return o;
  }
};

}  // namespace

TEST_CASE("net.curl: a 200 comes back with status, headers, request id, date and latency",
          "[net][integration]") {
  TestServer<> srv;
  srv.server().Get("/v1/assets", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Request-Id", "req-123");
    res.set_header("X-Custom", "yes");
    res.set_header("Date", "Wed, 01 Jan 2025 00:00:00 GMT");
    res.set_content(R"({"assets":[]})", "application/json");
  });
  srv.start();
  TraceLog trace;
  CurlClient client(trace.options());

  const Exchange ex = client.send(get(srv.url("/v1/assets")));

  REQUIRE(ex.response() != nullptr);
  const Response& r = response_of(ex);
  CHECK(r.status == 200);
  CHECK(r.body == R"({"assets":[]})");
  CHECK(r.headers.get("content-type") == "application/json");
  CHECK(r.headers.get("X-CUSTOM") == "yes");
  CHECK(r.request_id == "req-123");
  CHECK(r.date == "Wed, 01 Jan 2025 00:00:00 GMT");
  CHECK(r.tls_version.empty());
  CHECK_FALSE(r.truncated);
  CHECK(r.latency >= milliseconds{0});
  REQUIRE(ex.attempts.size() == 1);
  CHECK(ex.attempts[0].status == 200);
  CHECK(ex.attempts[0].request_id == "req-123");
  REQUIRE(trace.lines.size() == 1);
  CHECK_THAT(trace.lines[0], Catch::Matches("GET " + srv.url("/v1/assets") +
                                            R"( -> 200 \(\d+ ms\) x-request-id=req-123)"));
}

TEST_CASE("net.curl: sends method, body and headers as given", "[net][integration]") {
  TestServer<> srv;
  srv.server().Post("/v1/orders", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 201;
    res.set_content(req.get_header_value("Idempotency-Key") + "|" + req.body, "text/plain");
  });
  srv.server().Delete("/v1/orders/1",
                      [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  srv.start();
  CurlClient client;

  Request post = get(srv.url("/v1/orders"));
  post.method = "POST";
  post.body = R"({"qty":1})";
  post.headers.set("Content-Type", "application/json");
  post.headers.set("Idempotency-Key", "run-1");
  const Exchange created = client.send(post);
  REQUIRE(created.response() != nullptr);
  CHECK(response_of(created).status == 201);
  CHECK(response_of(created).body == R"(run-1|{"qty":1})");

  Request del = get(srv.url("/v1/orders/1"));
  del.method = "DELETE";
  CHECK(response_of(client.send(del)).status == 204);
}

TEST_CASE("net.curl: 429 with Retry-After: 2 then 200 succeeds after waiting at least 2 s",
          "[net][integration]") {
  TestServer<> srv;
  std::atomic<int> calls{0};
  srv.server().Get("/limited", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "2");
      res.set_content(R"({"code":"BLUM-429-001"})", "application/json");
      return;
    }
    res.set_content("{}", "application/json");
  });
  srv.start();
  CurlClient curl;
  golive::SystemClock& clock = golive::SystemClock::instance();
  SystemRandom random;
  RetryingClient client(curl, clock, random, RetryPolicy{}, clock.now() + std::chrono::seconds(30));

  const auto start = std::chrono::steady_clock::now();
  const Exchange ex = client.send(get(srv.url("/limited")));

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 200);
  REQUIRE(ex.attempts.size() == 2);
  CHECK(ex.attempts[0].status == 429);
  CHECK(ex.attempts[1].status == 200);
  CHECK(ex.attempts[1].waited_before >= milliseconds{2000});
  CHECK(std::chrono::steady_clock::now() - start >= milliseconds{2000});
}

TEST_CASE("net.curl: a server that never answers ends in a timeout within the limit",
          "[net][integration]") {
  RawSocket silent(true);
  CurlClient client;
  const auto start = std::chrono::steady_clock::now();

  const Exchange ex = client.send(get(silent.url("/hang"), milliseconds{1000}));

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::timeout);
  CHECK(error_of(ex).message == "timed out after 1000 ms waiting for a response from 127.0.0.1:" +
                                    std::to_string(silent.port()));
  CHECK(std::chrono::steady_clock::now() - start < milliseconds{3000});
  CHECK(ex.attempts.at(0).error.rfind("timeout: timed out after 1000 ms", 0) == 0);
}

TEST_CASE("net.curl: connection refused is a connect error with a one-line reason",
          "[net][integration]") {
  RawSocket closed(false);
  CurlClient client;

  const Exchange ex = client.send(get(closed.url()));

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::connect);
  CHECK(error_of(ex).message == "connection refused: 127.0.0.1:" + std::to_string(closed.port()));
}

TEST_CASE("net.curl: a server that hangs up without replying is a protocol error",
          "[net][integration]") {
  TestServer<> srv;
  srv.server().Get("/drop", [](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content_provider(10, "text/plain",
                             [](size_t, size_t, httplib::DataSink&) { return false; });
  });
  srv.start();
  CurlClient client;

  const Exchange ex = client.send(get(srv.url("/drop")));

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::protocol);
  CHECK(error_of(ex).message.find('\n') == std::string::npos);
}

TEST_CASE("net.curl: a body over the cap is cut and flagged, and JSON parsing says so",
          "[net][integration]") {
  TestServer<> srv;
  srv.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(100000, 'x'), "application/json");
  });
  srv.server().Get("/html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html>oops</html>", "text/html");
  });
  srv.start();
  TraceLog trace;
  CurlClient client(trace.options());
  Request r = get(srv.url("/big"));
  r.max_body_bytes = 1000;

  const Exchange ex = client.send(r);

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 200);
  CHECK(response_of(ex).truncated);
  CHECK(response_of(ex).body.size() == 1000);
  CHECK(parse_json_body(response_of(ex)).problem.find("cut at 1000 bytes") != std::string::npos);
  CHECK(trace.lines.at(0).find("body cut at 1000 bytes") != std::string::npos);

  // The handle that aborted is reused cleanly, and a non-JSON body gets a one-line reason.
  const Exchange html = client.send(get(srv.url("/html")));
  REQUIRE(html.response() != nullptr);
  CHECK(parse_json_body(response_of(html)).problem ==
        "response body is not JSON (status 200, content-type text/html, 17 bytes, error at byte "
        "1): \"<html>oops</html>\"");
}

TEST_CASE("net.curl: does not follow redirects", "[net][integration]") {
  TestServer<> srv;
  srv.server().Get("/moved", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://example.invalid/elsewhere", 302);
  });
  srv.start();
  CurlClient client;
  Request r = get(srv.url("/moved"));
  r.auth = BasicAuth{golive::Secret("redirect-user", "test"), golive::Secret("redirect-pw", "t")};

  const Exchange ex = client.send(r);

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 302);
  CHECK(response_of(ex).headers.get("location") == "http://example.invalid/elsewhere");
}

TEST_CASE("net.curl: reuses the connection across calls", "[net][integration]") {
  TestServer<> srv;
  srv.server().Get("/port", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::to_string(req.remote_port), "text/plain");
  });
  srv.start();
  CurlClient client;

  const std::string first = response_of(client.send(get(srv.url("/port")))).body;
  const std::string second = response_of(client.send(get(srv.url("/port")))).body;

  CHECK(first == second);
}

TEST_CASE("net.curl: serves concurrent sends from several threads", "[net][integration]") {
  TestServer<> srv;
  srv.server().Get(R"(/n/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.matches[1].str(), "text/plain");
  });
  srv.start();
  CurlClient client;
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(t * 100 + i);
        const Exchange ex = client.send(get(srv.url("/n/" + n)));
        if (ex.response() != nullptr && response_of(ex).body == n) ++good;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(good == 40);
}
