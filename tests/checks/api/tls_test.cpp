// api.tls against https servers on 127.0.0.1 with fresh self-signed certificates.
#include <catch2/catch.hpp>

#include "net/self_signed.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

/// An https server whose certificate is valid for `days`.
struct TlsServer {
  SelfSignedCert cert;
  TestServer<httplib::SSLServer> srv;
  explicit TlsServer(int days)
      : cert(days), srv(cert.cert_path().c_str(), cert.key_path().c_str()) {
    srv.start();
  }
  YAML::Node trusting() const { return YAML::Load("{ca_file: " + cert.cert_path() + "}"); }
};

}  // namespace

TEST_CASE("api.tls: plain http to loopback is skipped, elsewhere it fails", "[checks][api]") {
  ApiHarness h;
  auto r = h.run("api.tls", api_target("http://127.0.0.1:9/v1"));
  CHECK(r.status == Status::skip);
  r = h.run("api.tls", api_target("http://api.bluumfinance.com/v1", EnvKind::production));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("plain http"));
  CHECK_FALSE(r.fix.empty());
}

TEST_CASE("api.tls: an untrusted certificate fails with the verification error",
          "[checks][api][integration]") {
  TlsServer s(90);
  ApiHarness h;
  const auto r = h.run("api.tls", api_target(s.srv.url("/v1")));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("verification failed"));
  CHECK(r.summary.find('\n') == std::string::npos);
}

TEST_CASE("api.tls: expiry grading — 90 days pass, 20 warn, 5 fail", "[checks][api][integration]") {
  ApiHarness h;
  {
    TlsServer s(90);
    const auto r = h.run("api.tls", api_target(s.srv.url("/v1")), s.trusting());
    INFO(r.summary);
    REQUIRE(r.status == Status::pass);
    CHECK_THAT(r.summary, Catch::StartsWith("TLSv1.") && Catch::Contains("(in 89 days)"));
    CHECK_THAT(r.evidence[0].observed, Catch::Contains("CN = localhost"));
  }
  {
    TlsServer s(20);
    const auto r = h.run("api.tls", api_target(s.srv.url("/v1")), s.trusting());
    REQUIRE(r.status == Status::warn);
    CHECK_THAT(r.summary, Catch::Contains("in 19 days") && Catch::Contains("under 30 days"));
  }
  {
    TlsServer s(5);
    const auto r = h.run("api.tls", api_target(s.srv.url("/v1")), s.trusting());
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains("in 4 days") && Catch::Contains("under 14 days"));
    CHECK_FALSE(r.fix.empty());
  }
}

TEST_CASE("api.tls: a refused connection is inconclusive", "[checks][api][integration]") {
  RawSocket closed(false);
  ApiHarness h;
  const auto r =
      h.run("api.tls", api_target("https://127.0.0.1:" + std::to_string(closed.port()) + "/v1"));
  REQUIRE(r.status == Status::inconclusive);
  CHECK_THAT(r.summary, Catch::Contains("refused"));
}

TEST_CASE("api.tls: warn_days below fail_days is an option error", "[checks][api]") {
  CheckOptions opts("api.tls", YAML::Load("{fail_days: 20, warn_days: 10}"),
                    SourceLoc{"p.yaml", 1, 1});
  builtin_registry().find("api.tls")->make(opts);
  REQUIRE_THROWS_WITH(opts.finish(), Catch::Contains("must not be below fail_days"));
}
