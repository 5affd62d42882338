#include <catch2/catch.hpp>

#include "net/json_body.hpp"

using namespace golive::net;

namespace {

Response with_body(std::string body, std::string type = "application/json") {
  Response r;
  r.status = 200;
  r.body = std::move(body);
  r.headers.set("Content-Type", std::move(type));
  return r;
}

}  // namespace

TEST_CASE("net.json: parses a JSON body", "[net][unit]") {
  const JsonBody b = parse_json_body(with_body(R"({"id":"a1","qty":2})"));
  REQUIRE(b.value.has_value());
  CHECK((*b.value)["qty"] == 2);
  CHECK(b.problem.empty());
}

TEST_CASE("net.json: a non-JSON body gives a one-line reason with an excerpt", "[net][unit]") {
  Response r = with_body("<html>\n<body>Bad gateway</body>\n</html>", "text/html");
  r.status = 502;
  const JsonBody b = parse_json_body(r);
  CHECK_FALSE(b.value.has_value());
  CHECK(b.problem ==
        "response body is not JSON (status 502, content-type text/html, 39 bytes, error at byte "
        "1): \"<html> <body>Bad gateway</body> </html>\"");
  CHECK(b.problem.find('\n') == std::string::npos);
}

TEST_CASE("net.json: empty and truncated bodies are reported as such", "[net][unit]") {
  CHECK(parse_json_body(with_body("  ")).problem ==
        "response body is empty, expected JSON (status 200, content-type application/json, 2 "
        "bytes)");
  Response cut = with_body(R"({"items":[1,2,3)");
  cut.truncated = true;
  CHECK(parse_json_body(cut).problem ==
        "response body exceeded the size cap and was cut at 15 bytes; not parsed as JSON (status "
        "200)");
}

TEST_CASE("net.json: the excerpt is short and redacted", "[net][unit]") {
  const golive::Secret canary("json-canary-77aa", "test");
  const JsonBody b = parse_json_body(with_body("token=json-canary-77aa " + std::string(200, 'x')));
  CHECK(b.problem.find("json-canary-77aa") == std::string::npos);
  CHECK(b.problem.find("token=***") != std::string::npos);
  CHECK(b.problem.size() < 200);
}

TEST_CASE("net.json: the body excerpt is redacted before it is cut", "[net][unit][secrets]") {
  const std::string canary = "json-straddle-canary-7c1d9e40";
  golive::Redactor::global().add(canary);
  // The excerpt keeps 60 characters: the cut falls inside the canary.
  Response r = with_body(std::string(50, 'x') + canary + " tail", "text/plain");
  const JsonBody b = parse_json_body(r);
  CAPTURE(b.problem);
  CHECK(b.problem.find("json-str") == std::string::npos);
  CHECK(b.problem.find(std::string(50, 'x') + "*** tail") != std::string::npos);
}

TEST_CASE("net.json: a number out of range is a reason, not an exception (found by fuzzing)",
          "[net][unit]") {
  JsonBody b;
  REQUIRE_NOTHROW(b = parse_json_body(with_body(R"([{"id":"x"},null,true,2.5e308])")));
  CHECK_FALSE(b.value.has_value());
  CHECK(b.problem ==
        "response body is not JSON that can be read (status 200, content-type "
        "application/json, 30 bytes, a number out of range): \"[{\"id\":\"x\"},null,"
        "true,2.5e308]\"");
}
