#include <catch2/catch.hpp>

#include "net/http.hpp"
#include "net/url_policy.hpp"

using namespace golive::net;

TEST_CASE("net.http: headers are case-insensitive and keep repeated values", "[net][unit]") {
  Headers h;
  h.add("Set-Cookie", "a=1");
  h.add("set-cookie", "b=2");
  h.set("X-Request-Id", "abc");
  CHECK(h.get("x-request-id") == "abc");
  CHECK(h.get("X-REQUEST-ID") == "abc");
  CHECK(h.get_all("SET-COOKIE") == std::vector<std::string>{"a=1", "b=2"});
  h.set("set-cookie", "c=3");
  CHECK(h.get_all("Set-Cookie") == std::vector<std::string>{"c=3"});
  h.remove("Set-Cookie");
  CHECK_FALSE(h.get("set-cookie").has_value());
  CHECK(h.all().count("x-request-id") == 1);
}

TEST_CASE("net.http: transport error kinds have stable names", "[net][unit]") {
  CHECK(to_string(TransportErrorKind::timeout) == "timeout");
  CHECK(to_string(TransportErrorKind::connect) == "connect");
  CHECK(to_string(TransportErrorKind::dns) == "dns");
  CHECK(to_string(TransportErrorKind::tls) == "tls");
  CHECK(to_string(TransportErrorKind::protocol) == "protocol");
  CHECK(to_string(TransportErrorKind::too_large) == "too_large");
  CHECK(to_string(TransportErrorKind::policy) == "policy");
  CHECK(to_string(TransportErrorKind::other) == "other");
}

TEST_CASE("net.http: unreachable targets are inconclusive, broken ones fail", "[net][unit]") {
  CHECK(is_inconclusive(TransportErrorKind::timeout));
  CHECK(is_inconclusive(TransportErrorKind::connect));
  CHECK(is_inconclusive(TransportErrorKind::dns));
  CHECK_FALSE(is_inconclusive(TransportErrorKind::tls));
  CHECK_FALSE(is_inconclusive(TransportErrorKind::protocol));
  CHECK_FALSE(is_inconclusive(TransportErrorKind::policy));
  CHECK_FALSE(is_inconclusive(TransportErrorKind::too_large));
}

TEST_CASE("net.http: redact_url drops userinfo and fragments and masks credential parameters",
          "[net][unit]") {
  CHECK(redact_url("https://u:p@api.example.com:8443/v1/x?page=2&api_key=abc&Token=t#frag") ==
        "https://api.example.com:8443/v1/x?page=2&api_key=***&Token=***");
  CHECK(redact_url("https://api.example.com/v1/assets") == "https://api.example.com/v1/assets");
  CHECK(redact_url("http://h/p?signature=zz&x") == "http://h/p?signature=***&x");
  CHECK(redact_url("/relative?secret=1") == "/relative?secret=***");
}

TEST_CASE("net.http: redact_url also masks registered secrets", "[net][unit]") {
  const golive::Secret canary("url-canary-4d1f9", "test");
  CHECK(redact_url("https://h/accounts/url-canary-4d1f9/orders") ==
        "https://h/accounts/***/orders");
}

TEST_CASE("net.policy: loopback hosts are recognised without resolving names", "[net][unit]") {
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("LOCALHOST."));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.8.9.10"));
  CHECK(is_loopback_host("::1"));
  CHECK(is_loopback_host("::ffff:127.0.0.1"));
  CHECK_FALSE(is_loopback_host("128.0.0.1"));
  CHECK_FALSE(is_loopback_host("localhost.example.com"));
  CHECK_FALSE(is_loopback_host("example.invalid"));
  CHECK_FALSE(is_loopback_host("::2"));
}

TEST_CASE("net.url: parse_url reads scheme, host, port and userinfo", "[net][unit]") {
  const UrlParse p = parse_url("HTTPS://User:pw@API.Example.com/v1");
  REQUIRE(p.ok());
  CHECK(p.url->scheme == "https");
  CHECK(p.url->host == "api.example.com");
  CHECK(p.url->port == 443);
  CHECK(p.url->has_userinfo);
  const UrlParse v6 = parse_url("http://[::1]:8080/x");
  REQUIRE(v6.ok());
  CHECK(v6.url->host == "::1");
  CHECK(v6.url->authority() == "[::1]:8080");
  CHECK_FALSE(parse_url("not a url").ok());
}

TEST_CASE("net.policy: refuses what SPEC §5 forbids and allows the rest", "[net][unit]") {
  const auto check = [](Request r) {
    const UrlParse p = parse_url(r.url);
    REQUIRE(p.ok());
    return check_send_policy(r, *p.url);
  };
  Request r;
  r.url = "http://example.invalid/v1";
  CHECK_FALSE(check(r).has_value());
  r.auth = BasicAuth{};
  CHECK(check(r) ==
        "refusing to send credentials over plain http to non-loopback host example.invalid");
  r.auth.reset();
  r.headers.set("Authorization", "Bearer x");
  CHECK(check(r).has_value());
  r.headers.remove("Authorization");
  r.url = "http://user:pw@example.invalid/";
  CHECK(check(r).has_value());
  r.url = "http://127.0.0.1:9/";
  r.auth = BasicAuth{};
  CHECK_FALSE(check(r).has_value());
  r.url = "https://example.invalid/";
  CHECK_FALSE(check(r).has_value());
  r.insecure = true;
  CHECK(check(r) ==
        "refusing to send: TLS verification can only be disabled for loopback hosts, "
        "not example.invalid");
  r.url = "https://localhost:8443/";
  CHECK_FALSE(check(r).has_value());
  Url ftp{"ftp", "localhost", 21, false, "/", false, false, false, "localhost", HostKind::loopback};
  CHECK(check_send_policy(r, ftp) ==
        "refusing to send: unsupported scheme 'ftp' (only http and https)");
  r.url = "https://localhost/";
  r.headers.set("X-Evil", "a\r\nInjected: yes");
  CHECK(check(r).has_value());
  r.headers.remove("X-Evil");
  r.method = "GET /x HTTP/1.1\r\n";
  CHECK(check(r) == "refusing to send: invalid HTTP method");
}

TEST_CASE("net.policy: vet_request refuses URLs that do not parse", "[net][unit]") {
  Request r;
  r.url = "ftp://localhost/file";
  CHECK(std::get<std::string>(vet_request(r)) ==
        "refusing to send to ftp://localhost/file: its scheme must be http or https");
  r.url = "https://localhost:8443/v1";
  CHECK(std::get<Url>(vet_request(r)).port == 8443);
}
