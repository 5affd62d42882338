#include <catch2/catch.hpp>

#include "net/curl_client.hpp"
#include "net/fakes.hpp"
#include "net/self_signed.hpp"
#include "net/test_server.hpp"
#include "net/tls_probe.hpp"

using namespace golive::net;
using golive::testing::error_of;
using golive::testing::response_of;
using golive::testing::SelfSignedCert;
using golive::testing::TestServer;
using std::chrono::milliseconds;

namespace {

/// An https server on 127.0.0.1 presenting a fresh self-signed certificate.
struct TlsFixture {
  SelfSignedCert cert;
  TestServer<httplib::SSLServer> srv{cert.cert_path().c_str(), cert.key_path().c_str()};
  TlsFixture() {
    srv.server().Get("/ping", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("pong", "text/plain");
    });
    srv.start();
  }
};

Request get(const std::string& url) {
  Request r;
  r.url = url;
  r.timeout = milliseconds{5000};
  r.connect_timeout = milliseconds{2000};
  return r;
}

}  // namespace

TEST_CASE("net.curl.tls: an untrusted certificate fails verification with a clear message",
          "[net][integration]") {
  TlsFixture f;
  CurlClient client;

  const Exchange ex = client.send(get(f.srv.url("/ping")));

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::tls);
  CHECK_THAT(error_of(ex).message, Catch::StartsWith("TLS certificate verification failed: ") &&
                                       Catch::Contains("self-signed"));
  CHECK(error_of(ex).message.find('\n') == std::string::npos);
}

TEST_CASE("net.curl.tls: insecure on 127.0.0.1 succeeds and reports the TLS version",
          "[net][integration]") {
  TlsFixture f;
  CurlClient client;
  Request r = get(f.srv.url("/ping"));
  r.insecure = true;

  const Exchange ex = client.send(r);

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 200);
  CHECK(response_of(ex).body == "pong");
  CHECK_THAT(response_of(ex).tls_version, Catch::StartsWith("TLSv1."));
}

TEST_CASE("net.curl.tls: a certificate trusted through ca_file verifies", "[net][integration]") {
  TlsFixture f;
  CurlOptions options;
  options.ca_file = f.cert.cert_path();
  CurlClient client(options);

  const Exchange ex = client.send(get(f.srv.url("/ping")));

  REQUIRE(ex.response() != nullptr);
  CHECK(response_of(ex).status == 200);
  CHECK_FALSE(response_of(ex).tls_version.empty());
}

TEST_CASE("net.curl.tls: insecure is refused for a non-loopback host", "[net][unit]") {
  CurlClient client;
  Request r = get("https://api.example.invalid/v1/assets");
  r.insecure = true;

  const Exchange ex = client.send(r);

  REQUIRE(ex.error() != nullptr);
  CHECK(error_of(ex).kind == TransportErrorKind::policy);
  CHECK(error_of(ex).message ==
        "refusing to send: TLS verification can only be disabled for "
        "loopback hosts, not api.example.invalid");
}

TEST_CASE("net.tls-probe: reports version, subject, issuer and expiry", "[net][integration]") {
  TlsFixture f;

  const TlsInfo info = probe_tls(f.srv.url("/"), milliseconds{3000}, false, f.cert.cert_path());

  REQUIRE(info.ok);
  CHECK(info.error.empty());
  CHECK_THAT(info.tls_version, Catch::StartsWith("TLSv1."));
  CHECK_THAT(info.subject, Catch::Contains("CN") && Catch::Contains("localhost"));
  CHECK(info.issuer == info.subject);
  const auto expected = std::chrono::system_clock::from_time_t(f.cert.not_after());
  CHECK(std::chrono::abs(info.cert_not_after - expected) <= std::chrono::seconds(1));
}

TEST_CASE("net.tls-probe: verification failures and non-https URLs are reported",
          "[net][integration]") {
  TlsFixture f;

  const TlsInfo untrusted = probe_tls(f.srv.url("/"), milliseconds{3000});
  CHECK_FALSE(untrusted.ok);
  CHECK(untrusted.error_kind == TransportErrorKind::tls);
  CHECK_THAT(untrusted.error, Catch::StartsWith("TLS certificate verification failed: "));

  const TlsInfo insecure = probe_tls(f.srv.url("/"), milliseconds{3000}, true);
  CHECK(insecure.ok);
  CHECK(insecure.cert_not_after > std::chrono::system_clock::now());

  const TlsInfo plain = probe_tls("http://127.0.0.1:1/", milliseconds{1000});
  CHECK_FALSE(plain.ok);
  CHECK(plain.error_kind == TransportErrorKind::policy);

  const TlsInfo remote_insecure =
      probe_tls("https://api.example.invalid/", milliseconds{1000}, true);
  CHECK(remote_insecure.error_kind == TransportErrorKind::policy);
}
