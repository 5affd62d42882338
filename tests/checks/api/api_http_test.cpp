// The api.* helpers: URLs, error envelopes, code meanings, evidence from an exchange.
#include <catch2/catch.hpp>

#include "checks/api/api_http.hpp"
#include "engine/packs.hpp"

using namespace golive;
using namespace golive::checks::api;
using nlohmann::json;

namespace {
const ProviderPack& bluum() {
  return provider_pack("bluum");
}
}  // namespace

TEST_CASE("api helpers: query strings are percent-encoded in key order", "[checks][api]") {
  CHECK(path_with_query("/assets", {}) == "/assets");
  CHECK(path_with_query("/assets", {{"tradable", "true"}, {"class", "equity"}}) ==
        "/assets?class=equity&tradable=true");
  CHECK(path_with_query("/a?x=1", {{"q", "a b&c"}}) == "/a?x=1&q=a%20b%26c");
  CHECK(api_url("https://h/v1/", "/assets") == "https://h/v1/assets");
}

TEST_CASE("api helpers: both error envelopes are read", "[checks][api]") {
  auto e = read_api_error(
      bluum(),
      json::parse(
          R"({"error":{"type":"invalid_request_error","code":"BLUM-400-001","message":"m","param":"tax_id"}})"));
  CHECK(e.found);
  CHECK(e.code == "BLUM-400-001");
  CHECK(e.param == "tax_id");
  e = read_api_error(bluum(), json::parse(R"({"code":"BLUM-404-001","message":"Not found"})"));
  CHECK(e.found);
  e = read_api_error(
      bluum(), json::parse(R"({"status":"error","code":"PRODUCT_NOT_ENABLED","message":"m"})"));
  CHECK(e.found);
  CHECK(code_meaning(bluum(), e.code) == "the add-on product is not enabled for this account");
  CHECK_FALSE(read_api_error(bluum(), json::parse(R"({"data":[]})")).found);
  CHECK_FALSE(read_api_error(bluum(), json::parse("[1]")).found);
}

TEST_CASE("api helpers: every documented 401 code has a meaning", "[checks][api]") {
  CHECK(code_meaning(bluum(), "BLUM-401-001") == "missing Authorization header");
  CHECK(code_meaning(bluum(), "BLUM-401-002") == "malformed Authorization header");
  CHECK_THAT(code_meaning(bluum(), "BLUM-401-003"),
             Catch::Contains("the key or secret was not updated"));
  CHECK(code_meaning(bluum(), "BLUM-401-004") == "the API key is inactive");
  CHECK(code_meaning(bluum(), "BLUM-401-005") == "the API key has expired");
  CHECK(code_meaning(bluum(), "BLUM-999-999").empty());
}

TEST_CASE("api helpers: list bodies in every vendor's shape", "[checks][api]") {
  CHECK(list_items(json::parse("[1,2]"))->size() == 2);
  CHECK(list_items(json::parse(R"({"object":"list","data":[1]})"))->size() == 1);
  CHECK(list_items(json::parse(R"({"status":"success","data":[],"count":0})"))->empty());
  CHECK(list_items(json::parse(R"({"data":[1],"page":{"next":null}})"))->size() == 1);
  CHECK(list_items(json::parse(R"("x")")) == nullptr);
}

TEST_CASE("api helpers: evidence lists every attempt with its wait", "[checks][api]") {
  net::Exchange x;
  net::Response ok;
  ok.status = 200;
  x.outcome = ok;
  x.attempts.push_back(
      {"GET", "https://h/v1/assets", 429, "", "req_1", std::chrono::milliseconds(3), {}});
  x.attempts.push_back({"GET", "https://h/v1/assets", 200, "", "req_2",
                        std::chrono::milliseconds(4), std::chrono::milliseconds(2000)});
  const auto ev = exchange_evidence(x, "GET /assets", "200", "200, list");
  REQUIRE(ev.size() == 2);
  CHECK(ev[0].label == "GET /assets (attempt 1 of 2)");
  CHECK(ev[0].observed == "429, retried");
  CHECK(ev[1].label == "GET /assets (attempt 2 of 2), waited 2000 ms");
  CHECK(ev[1].request_id == "req_2");
  CHECK(ev[1].expected == "200");
  CHECK(retry_note(x) == "2 attempts, waited 2000 ms");
}

TEST_CASE("api helpers: an error message is redacted before it is cut", "[checks][api][secrets]") {
  const std::string canary = "api-straddle-canary-3e9b7a1c";
  Redactor::global().add(canary);
  net::Response r;
  r.status = 418;
  // describe_status() keeps 120 characters of the message: the cut falls inside the canary.
  r.body = json{{"error", {{"message", std::string(110, 'm') + canary + " tail"}}}}.dump();
  const std::string d = describe_status(bluum(), r);
  CAPTURE(d);
  CHECK(d.find("api-stra") == std::string::npos);
  CHECK(d == "418 (" + std::string(110, 'm') + "*** tail)");
}
