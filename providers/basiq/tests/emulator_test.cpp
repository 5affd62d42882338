// The Basiq emulator: the token exchange and its documented failures, Bearer-only resources,
// jobs of the sandbox personas, connectors, webhooks and signed deliveries.
#include <catch2/catch.hpp>

#include "crypto/encoding.hpp"
#include "support.hpp"

using namespace golive;
using namespace golive::testing::bq;

TEST_CASE("basiq emulator: a key sent as issued exchanges for a one-hour Bearer token",
          "[basiq][emulator]") {
  Emu e;
  const auto x = e.token();
  REQUIRE(status_of(x) == 200);
  const auto b = body_of(x);
  CHECK(b["token_type"] == "Bearer");
  CHECK(b["expires_in"] == 3600);
  CHECK_FALSE(b["access_token"].get<std::string>().empty());
  CHECK(e.emu.token_requests() == 1);
}

TEST_CASE("basiq emulator: token failures answer the documented status and envelope",
          "[basiq][emulator]") {
  Emu e;
  SECTION("no basiq-version: 400 parameter-not-supplied, with a correlationId") {
    const auto b = body_of(e.token(kKey, ""));
    CHECK(b["type"] == "list");
    CHECK_FALSE(b["correlationId"].get<std::string>().empty());
    CHECK(b["data"][0]["code"] == "parameter-not-supplied");
    CHECK(b["data"][0]["source"]["parameter"] == "basiq-version");
  }
  SECTION("an unsupported version: 400 parameter-not-valid") {
    const auto x = e.token(kKey, "0.9");
    CHECK(status_of(x) == 400);
    CHECK(body_of(x)["data"][0]["code"] == "parameter-not-valid");
  }
  SECTION("the key encoded twice: 400") {
    const auto x = e.token(crypto::base64_encode(kKey));
    CHECK(status_of(x) == 400);
    CHECK(body_of(x)["data"][0]["source"]["parameter"] == "Authorization");
  }
  SECTION("no Authorization: 400") {
    CHECK(status_of(e.token("")) == 400);
  }
  SECTION("no scope: 400; CLIENT_ACCESS without userId: 400") {
    CHECK(status_of(e.token(kKey, "3.0", "")) == 400);
    CHECK(status_of(e.token(kKey, "3.0", "scope=CLIENT_ACCESS")) == 400);
  }
  CHECK(e.emu.issued_tokens().empty());
}

TEST_CASE("basiq emulator: another application's key answers 404", "[basiq][emulator]") {
  auto o = Emu::options({}, false, 1500);
  o.api_key = kKey;
  golive::basiq::emulator::Emulator emu(o);
  emu.start();
  net::Request r;
  r.method = "POST";
  r.url = emu.base_url() + "/token";
  r.headers.set("Authorization", "Basic b3RoZXI6a2V5");
  r.headers.set("basiq-version", "3.0");
  r.body = "scope=SERVER_ACCESS";
  const auto x = net::CurlClient().send(r);
  REQUIRE(status_of(x) == 404);
  CHECK(body_of(x)["data"][0]["code"] == "resource-not-found");
}

TEST_CASE("basiq emulator: token faults answer 403, 404 and 429", "[basiq][emulator]") {
  CHECK(status_of(Emu({"account-disabled"}).token()) == 403);
  CHECK(body_of(Emu({"token-ip-limited"}).token())["data"][0]["title"] == "Invalid request");
  CHECK(status_of(Emu({"key-deleted"}).token()) == 404);
  CHECK(status_of(Emu({"token-too-many-requests"}).token()) == 429);
  CHECK(body_of(Emu({"token-short-lived"}).token())["expires_in"] == 600);
}

TEST_CASE("basiq emulator: token requests beyond the window's limit answer 403 Invalid request",
          "[basiq][emulator]") {
  Emu e({}, false, 3);
  for (int i = 0; i < 3; ++i) REQUIRE(status_of(e.token()) == 200);
  const auto x = e.token();
  REQUIRE(status_of(x) == 403);
  CHECK(body_of(x)["data"][0]["code"] == "request-not-valid");
}

TEST_CASE("basiq emulator: resources take only a Bearer token of the right scope",
          "[basiq][emulator]") {
  Emu e;
  net::Request basic;
  basic.method = "GET";
  basic.url = e.emu.base_url() + "/connectors";
  basic.headers.set("Authorization", "Basic " + kKey);
  CHECK(status_of(net::CurlClient().send(basic)) == 401);
  CHECK(status_of(e.call("GET", "/connectors", "")) == 401);
  CHECK(status_of(e.call("GET", "/connectors", "not-a-token")) == 401);
  const auto server = e.bearer();
  CHECK(status_of(e.call("GET", "/connectors", server)) == 200);
  const auto user = body_of(e.call("POST", "/users", server, R"({"email":"a@example.com"})"));
  const std::string id = user["id"].get<std::string>();
  const auto client = e.bearer(kKey, "scope=CLIENT_ACCESS&userId=" + id);
  CHECK(status_of(e.call("GET", "/connectors", client)) == 403);
  CHECK(status_of(e.call("GET", "/users/" + id + "/jobs", client)) == 200);
  CHECK(status_of(e.call("POST", "/users", client, R"({"email":"b@example.com"})")) == 403);
  CHECK(e.emu.created(kKey, "user") == 1);
}

TEST_CASE("basiq emulator: an unknown route answers 404 in the envelope with a correlationId",
          "[basiq][emulator]") {
  Emu e;
  const auto x = e.call("GET", "/users/nobody", e.bearer());
  REQUIRE(status_of(x) == 404);
  const auto b = body_of(x);
  CHECK(b["data"][0]["code"] == "resource-not-found");
  CHECK_FALSE(b["correlationId"].get<std::string>().empty());
  CHECK_FALSE(x.response()->headers.get("X-Request-Id").has_value());
}

namespace {

/// Creates a user, connects `login` to Hooli and polls the job until no step runs; returns it.
nlohmann::json run_job(Emu& e, const std::string& token, const std::string& login) {
  const auto user = body_of(e.call("POST", "/users", token, R"({"email":"a@example.com"})"));
  const std::string uid = user["id"].get<std::string>();
  const auto created =
      e.call("POST", "/users/" + uid + "/connections", token,
             R"({"loginId":")" + login + R"(","password":"pw","institution":{"id":"AU00000"}})");
  REQUIRE(status_of(created) == 202);
  const std::string job_id = body_of(created)["id"].get<std::string>();
  nlohmann::json job;
  for (int i = 0; i < 5; ++i) job = body_of(e.call("GET", "/jobs/" + job_id, token));
  return job;
}

}  // namespace

TEST_CASE("basiq emulator: a happy persona's job runs every step to success", "[basiq][emulator]") {
  Emu e;
  const auto job = run_job(e, e.bearer(), "Wentworth-Smith");
  REQUIRE(job["steps"].size() == 3);
  for (const auto& s : job["steps"]) CHECK(s["status"] == "success");
  CHECK(e.emu.created(kKey, "connection") == 1);
  CHECK(e.emu.created(kKey, "job") == 1);
}

TEST_CASE("basiq emulator: the three always-failing users fail at verify-credentials",
          "[basiq][emulator]") {
  Emu e;
  const auto token = e.bearer();
  const std::vector<std::pair<std::string, std::string>> personas = {
      {"bighead", "invalid-credentials"},
      {"erlich", "account-not-accessible-requires-user-action"},
      {"jianYang", "service-unavailable"}};
  for (const auto& [login, code] : personas) {
    INFO(login);
    const auto job = run_job(e, token, login);
    CHECK(job["steps"][0]["title"] == "verify-credentials");
    CHECK(job["steps"][0]["status"] == "failed");
    CHECK(job["steps"][0]["result"]["code"] == code);
    CHECK(job["steps"][1]["status"] == "pending");
  }
}

TEST_CASE("basiq emulator: refreshing a connection while its job runs answers that job",
          "[basiq][emulator]") {
  Emu e;
  const auto token = e.bearer();
  const auto user = body_of(e.call("POST", "/users", token, R"({"email":"a@example.com"})"));
  const std::string uid = user["id"].get<std::string>();
  e.call("POST", "/users/" + uid + "/connections", token,
         R"({"loginId":"Whistler","password":"ShowBox","institution":{"id":"AU00000"}})");
  const auto conns = body_of(e.call("GET", "/users/" + uid + "/connections", token));
  const std::string cid = conns["data"][0]["id"].get<std::string>();
  const auto again = e.call("POST", "/users/" + uid + "/connections/" + cid + "/refresh", token);
  CHECK(status_of(again) == 200);
  CHECK(e.emu.created(kKey, "job") == 1);
}

TEST_CASE("basiq emulator: connectors carry statuses; connector-outage puts banks in outages",
          "[basiq][emulator]") {
  Emu fine;
  auto b = body_of(fine.call("GET", "/connectors", fine.bearer()));
  CHECK(b["data"][0]["id"] == "AU00000");
  CHECK(b["data"][0]["status"] == "operational");
  Emu out({"connector-outage"});
  b = body_of(out.call("GET", "/connectors", out.bearer()));
  CHECK(b["data"][0]["status"] == "major-outage");
  CHECK(b["data"][1]["status"] == "partial-outage");
}

TEST_CASE("basiq emulator: a registered webhook is listed and gets Standard Webhooks deliveries",
          "[basiq][emulator]") {
  Emu e({}, true);
  const auto token = e.bearer();
  const auto made =
      e.call("POST", "/notifications/webhooks", token,
             R"({"url":")" + e.emu.receiver_url() + R"(","subscribedEvents":["user.created"]})");
  REQUIRE(status_of(made) == 201);
  CHECK_THAT(body_of(made)["secret"].get<std::string>(), Catch::StartsWith("whsec_"));
  const auto list = body_of(e.call("GET", "/notifications/webhooks", token));
  REQUIRE(list["data"].size() == 1);
  CHECK(list["data"][0]["status"] == "active");
  CHECK_FALSE(list["data"][0].contains("secret"));
  REQUIRE(status_of(e.call("POST", "/users", token, R"({"email":"a@example.com"})")) == 201);
  REQUIRE(e.emu.flush_deliveries(std::chrono::seconds(10)));
  const auto got = e.emu.received_deliveries();
  REQUIRE(got.size() == 1);
  CHECK(got[0].event_type.empty() == false);
  std::set<std::string> names;
  for (const auto& [n, v] : got[0].headers) names.insert(n);
  CHECK(names.count("webhook-id") == 1);
  CHECK(names.count("webhook-timestamp") == 1);
  CHECK(names.count("webhook-signature") == 1);
}

TEST_CASE("basiq emulator: an http webhook URL off loopback is refused", "[basiq][emulator]") {
  Emu e;
  const auto x = e.call("POST", "/notifications/webhooks", e.bearer(),
                        R"({"url":"http://partner.example.com/hooks"})");
  CHECK(status_of(x) == 400);
}

TEST_CASE("basiq emulator: unknown faults are refused", "[basiq][emulator]") {
  CHECK_THROWS_AS(golive::basiq::emulator::Emulator(Emu::options({"no-such-fault"}, false, 1500)),
                  std::invalid_argument);
}
