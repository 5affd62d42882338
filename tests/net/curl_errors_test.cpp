#include <catch2/catch.hpp>

#include <cerrno>

#include "net/curl_support.hpp"

using namespace golive::net;
using detail::FailureContext;
using detail::map_curl_error;
using std::chrono::milliseconds;

namespace {

const Url kTarget{"https", "api.example.test", 443,           false, "/", false, false,
                  false,   "api.example.test", HostKind::name};

TransportError map(CURLcode code, const char* errbuf = "", long os_errno = 0,
                   bool connected = false) {
  return map_curl_error(code, FailureContext{kTarget, milliseconds{2000}, milliseconds{500}, errbuf,
                                             os_errno, connected});
}

}  // namespace

TEST_CASE("net.curl: maps timeouts to the limit that was hit", "[net][unit]") {
  const auto connecting = map(CURLE_OPERATION_TIMEDOUT);
  CHECK(connecting.kind == TransportErrorKind::timeout);
  CHECK(connecting.message == "timed out after 500 ms connecting to api.example.test:443");
  const auto waiting = map(CURLE_OPERATION_TIMEDOUT, "", 0, true);
  CHECK(waiting.message ==
        "timed out after 2000 ms waiting for a response from api.example.test:443");
}

TEST_CASE("net.curl: maps connect and dns failures to one-line reasons", "[net][unit]") {
  CHECK(map(CURLE_COULDNT_CONNECT, "x", ECONNREFUSED).message ==
        "connection refused: api.example.test:443");
  const auto unreachable = map(CURLE_COULDNT_CONNECT, "x", ENETUNREACH);
  CHECK(unreachable.kind == TransportErrorKind::connect);
  CHECK(unreachable.message.rfind("could not connect to api.example.test:443: ", 0) == 0);
  const auto dns = map(CURLE_COULDNT_RESOLVE_HOST, "Could not resolve host: api.example.test");
  CHECK(dns.kind == TransportErrorKind::dns);
  CHECK(dns.message == "could not resolve host: api.example.test");
}

TEST_CASE("net.curl: maps TLS and protocol failures with curl's detail", "[net][unit]") {
  const auto verify = map(CURLE_PEER_FAILED_VERIFICATION, "SSL certificate problem: expired");
  CHECK(verify.kind == TransportErrorKind::tls);
  CHECK(verify.message == "TLS certificate verification failed: SSL certificate problem: expired");
  CHECK(map(CURLE_SSL_CONNECT_ERROR, "alert").message ==
        "TLS handshake with api.example.test:443 failed: alert");
  CHECK(map(CURLE_GOT_NOTHING).kind == TransportErrorKind::protocol);
  CHECK(map(CURLE_RECV_ERROR, "Connection reset by peer").message ==
        "protocol error from api.example.test:443: Connection reset by peer");
  CHECK(map(CURLE_WEIRD_SERVER_REPLY).kind == TransportErrorKind::protocol);
  CHECK(map(CURLE_OUT_OF_MEMORY).kind == TransportErrorKind::other);
}

TEST_CASE("net.curl: mapped messages are redacted", "[net][unit]") {
  const golive::Secret canary("errbuf-canary-3b9e", "test");
  CHECK(map(CURLE_RECV_ERROR, "echo errbuf-canary-3b9e").message.find("errbuf-canary-3b9e") ==
        std::string::npos);
}
