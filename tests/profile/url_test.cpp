#include <catch2/catch.hpp>

#include "profile/url.hpp"

using golive::profile::parse_url;

TEST_CASE("profile: parse_url splits an absolute http(s) URL", "[profile][url]") {
  std::string why;
  auto u = parse_url("HTTPS://API.Example.com:8443/v1/assets?x=1#frag", why);
  REQUIRE(u);
  CHECK(u->scheme == "https");
  CHECK(u->host == "api.example.com");
  CHECK(u->port == 8443);
  CHECK(u->path == "/v1/assets");
  CHECK(u->has_query);
  CHECK(u->query == "x=1");
  CHECK(u->has_fragment);
  CHECK(u->fragment == "frag");
  auto v6 = parse_url("http://[::1]:9000", why);
  REQUIRE(v6);
  CHECK(v6->host == "[::1]");
  CHECK(v6->port == 9000);
  CHECK(v6->path.empty());
}

TEST_CASE("profile: parse_url explains what is wrong without repeating the URL", "[profile][url]") {
  auto reason = [](const std::string& text) {
    std::string why;
    auto u = parse_url(text, why);
    CHECK_FALSE(u);
    return why;
  };
  CHECK(reason("example.com/v1") == "it is not an absolute URL (expected https://host/...)");
  CHECK(reason("file:///etc/passwd") == "scheme 'file' is not http or https");
  CHECK(reason("https://") == "it has no host");
  CHECK(reason("https://:443/x") == "it has no host");
  CHECK(reason("https://host:0/") == "its port is not a number from 1 to 65535");
  CHECK(reason("https://host:abc/") == "its port is not a number from 1 to 65535");
  CHECK(reason("https://ho st/") == "it contains whitespace");
  CHECK(reason("https://h*st/") == "its host is not a valid host name or IP address");
  std::string why;
  auto with_user = parse_url("https://user:s3cret@host/", why);
  REQUIRE(with_user);
  CHECK(with_user->userinfo == "user:s3cret");
  CHECK(with_user->host == "host");
}
