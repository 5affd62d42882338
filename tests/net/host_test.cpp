// Host normalisation and classification (SPEC §5): every spelling libcurl accepts for a host
// has one canonical form, so the safety rules compare what would actually be resolved.
#include <catch2/catch.hpp>

#include <thread>

#include "net/url.hpp"

using namespace golive::net;

namespace {
Url parsed(const std::string& text) {
  auto p = parse_url(text);
  INFO(text << ": " << p.error);
  REQUIRE(p.ok());
  return *p.url;
}
}  // namespace

TEST_CASE("net.host: case, one trailing dot and the default port are normalised away",
          "[net][unit][safety]") {
  for (const char* text :
       {"https://api.bluumfinance.com/v1", "https://API.BluumFinance.COM./v1",
        "https://api.bluumfinance.com:443/v1", "https://api.bluumfinance.com.:0443/v1",
        "https://api%2Ebluumfinance.com/v1", "HTTPS://api.bluumfinance.com"}) {
    INFO(text);
    const auto u = parsed(text);
    CHECK(u.canonical_host == "api.bluumfinance.com");
    CHECK(u.canonical_authority() == "api.bluumfinance.com");
    CHECK(u.host_kind == HostKind::name);
    CHECK(u.default_port());
  }
  const auto other = parsed("https://api.bluumfinance.com:8443/v1");
  CHECK_FALSE(other.default_port());
  CHECK(other.canonical_authority() == "api.bluumfinance.com:8443");
  CHECK(parsed("http://api.bluumfinance.com:80/").default_port());
  CHECK(parsed("https://api.bluumfinance.com.../").canonical_host == "api.bluumfinance.com..");
}

TEST_CASE("net.host: international names become ASCII (IDNA) whatever the process locale",
          "[net][unit][safety]") {
  // Full-width letters and the ideographic full stop map to the plain ASCII host.
  CHECK(parsed("https://\xef\xbd\x81\xef\xbd\x90\xef\xbd\x89.bluumfinance.com/").canonical_host ==
        "api.bluumfinance.com");
  CHECK(parsed("https://api\xe3\x80\x82"
               "bluumfinance.com/")
            .canonical_host == "api.bluumfinance.com");
  CHECK(parsed("https://b\xc3\xbc"
               "cher.example/")
            .canonical_host == "xn--bcher-kva.example");
  CHECK(parsed("https://XN--BCHER-KVA.example./").canonical_host == "xn--bcher-kva.example");
  // The conversion does not depend on the calling thread either.
  std::string from_thread;
  std::thread([&] {
    from_thread = parse_url(
                      "https://B\xc3\x9c"
                      "CHER.example/")
                      .url.value_or(Url{})
                      .canonical_host;
  }).join();
  CHECK(from_thread == "xn--bcher-kva.example");
  const auto bad = parse_url("https://api\xff.example/");
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.error, Catch::Contains("IDNA"));
}

TEST_CASE("net.host: every IPv4 spelling libcurl accepts is an address, loopback or not",
          "[net][unit][safety]") {
  for (const char* text : {"http://127.0.0.1/", "http://0x7f.1/", "http://2130706433/",
                           "http://0177.0.0.1/", "http://127.1/", "http://127.9.8.7:8080/"}) {
    INFO(text);
    const auto u = parsed(text);
    CHECK(u.host_kind == HostKind::loopback);
  }
  CHECK(parsed("http://0x7f.1/").canonical_host == "127.0.0.1");
  for (const char* text : {"https://203.0.113.7/", "https://3405803783/", "https://0xcb.0x0.113.7/",
                           "https://0/", "https://10.1/"}) {
    INFO(text);
    CHECK(parsed(text).host_kind == HostKind::ip_literal);
  }
  CHECK(parsed("https://3405803783/").canonical_host == "203.0.113.7");
}

TEST_CASE("net.host: IPv6 literals lose brackets, zone and spelling differences",
          "[net][unit][safety]") {
  CHECK(parsed("http://[0:0::1]:9/").host_kind == HostKind::loopback);
  CHECK(parsed("http://[0:0::1]:9/").canonical_authority() == "[::1]:9");
  const auto mapped = parsed("http://[::FFFF:127.0.0.1]/");
  CHECK(mapped.host_kind == HostKind::loopback);
  CHECK(mapped.canonical_host == "::ffff:127.0.0.1");
  const auto v6 = parsed("https://[2001:DB8:0:0::1]/v1");
  CHECK(v6.host_kind == HostKind::ip_literal);
  CHECK(v6.canonical_host == "2001:db8::1");
  CHECK(v6.canonical_authority() == "[2001:db8::1]");
  CHECK(parsed("https://[fe80::1%25eth0]/").canonical_host == "fe80::1");
}

TEST_CASE("net.host: only a bare 'localhost' is loopback; a name with a trailing dot is a name",
          "[net][unit][safety]") {
  CHECK(parsed("http://LocalHost:8080/").host_kind == HostKind::loopback);
  // libcurl sends these to the resolver, not to 127.0.0.1: they are names.
  for (const char* text : {"http://localhost./", "http://127.0.0.1./", "http://a.localhost/"}) {
    INFO(text);
    CHECK(parsed(text).host_kind == HostKind::name);
  }
}

TEST_CASE("net.host: userinfo is detected, including the backslash trick", "[net][unit][safety]") {
  CHECK(parsed("https://user:pw@api.bluumfinance.com/").has_userinfo);
  CHECK(parsed("https://@api.bluumfinance.com/").has_userinfo);
  const auto trick = parsed("https://api.bluumfinance.com\\@evil.example/");
  CHECK(trick.has_userinfo);
  CHECK(trick.canonical_host == "evil.example");
}

TEST_CASE("net.host: bare hosts as a provider pack lists them", "[net][unit][safety]") {
  CHECK(canonical_host("API.BluumFinance.com.") == "api.bluumfinance.com");
  CHECK(canonical_host("b\xc3\xbc"
                       "cher.example") == "xn--bcher-kva.example");
  CHECK(canonical_host("::1") == "::1");
  CHECK(canonical_host("[2001:DB8::1]") == "2001:db8::1");
  for (const char* bad : {"", "a/b", "user@host", "host:443", "a b", "evil?x"}) {
    INFO(bad);
    CHECK_FALSE(canonical_host(bad).has_value());
  }
}

TEST_CASE("net.url: a refused URL gets a reason that never repeats it", "[net][unit]") {
  auto reason = [](const std::string& text) {
    const auto p = parse_url(text);
    CHECK_FALSE(p.ok());
    CHECK(p.error.find(text) == std::string::npos);
    return p.error;
  };
  CHECK(reason("example.com/v1") == "it is not an absolute URL (expected https://host/...)");
  CHECK(reason("file:///etc/passwd") == "its scheme must be http or https");
  CHECK(reason("ftp://s3cret.example/") == "its scheme must be http or https");
  CHECK(reason("https://") == "it has no host");
  CHECK(reason("https:///v1") == "it has no host");
  CHECK(reason("https://host:0/") == "its port is not a number from 1 to 65535");
  CHECK(reason("https://host:abc/") == "its port is not a number from 1 to 65535");
  CHECK(reason("https://host:99999/") == "its port is not a number from 1 to 65535");
  CHECK(reason("https://ho st/") == "it contains whitespace");
  CHECK(reason("https://h*st/") == "its host is not a valid host name or IP address");
}
