// The audit proxy's forwarding target: only origin-form request targets, and the URL always stays
// on the upstream's scheme, host and port (issue 10 §5).
#include <catch2/catch.hpp>

#include "net/request_target.hpp"

using golive::net::url_for_target;

TEST_CASE("net.target: an origin-form target keeps the base URL's origin", "[net][unit]") {
  auto t = url_for_target("https://sandbox.example:8443/v1", "/v1/assets?class=equity&x=y");
  REQUIRE(t.ok());
  CHECK(t.url == "https://sandbox.example:8443/v1/assets?class=equity&x=y");
  t = url_for_target("http://127.0.0.1:39001/v1", "/v1/investors/inv_1/deposits");
  REQUIRE(t.ok());
  CHECK(t.url == "http://127.0.0.1:39001/v1/investors/inv_1/deposits");
}

TEST_CASE("net.target: targets that could name another host are refused", "[net][unit]") {
  const std::string base = "https://sandbox.example/v1";
  for (const char* target :
       {"@evil.example/x", "http://evil/x", "https://evil.example/x", "//evil/x",
        "//evil.example:443/x", "evil.example:443", "*", "%40evil.example/x", "%2F%2Fevil/x", "",
        "/x#@evil.example", "/\\evil.example/x", "/x y", "/x\r\nHost: evil"}) {
    CAPTURE(target);
    const auto t = url_for_target(base, target);
    CHECK_FALSE(t.ok());
    CHECK(t.url.empty());
    CHECK(t.error.find("evil") == std::string::npos);  // the target is never repeated
  }
  CHECK(url_for_target(base, "@evil.example/x").error ==
        "the request target does not start with '/' (only origin-form targets are forwarded)");
  CHECK(url_for_target(base, "//evil/x").error == "the request target starts with '//'");
}

TEST_CASE("net.target: encoded look-alikes stay paths on the upstream host", "[net][unit]") {
  // libcurl writes percent-encodings in lower case (equivalent, RFC 3986 §6.2.2.1).
  for (const auto& [target, path] : std::vector<std::pair<std::string, std::string>>{
           {"/%2F%2Fevil.example/x", "/%2f%2fevil.example/x"},
           {"/%40evil.example/x", "/%40evil.example/x"},
           {"/@evil.example/x", "/@evil.example/x"},
           {"/v1/x@evil.example", "/v1/x@evil.example"},
           {"/v1/assets?next=http://evil/x", "/v1/assets?next=http://evil/x"}}) {
    CAPTURE(target);
    const auto t = url_for_target("https://sandbox.example/v1", target);
    REQUIRE(t.ok());
    CHECK(t.url == "https://sandbox.example" + path);
  }
}
