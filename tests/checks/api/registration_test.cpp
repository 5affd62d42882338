// webhook.registration against the emulator's /v1/webhooks and a journey-page-shaped server.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace golive;
using namespace golive::testing;

namespace {
const std::string kHook = "https://partner.example.com/hooks/bluum";
}

TEST_CASE("webhook.registration: skipped when the profile configures no webhook",
          "[checks][webhook][api]") {
  ApiHarness h;
  const auto r = h.run("webhook.registration", api_target("http://127.0.0.1:9/v1"));
  CHECK(r.status == Status::skip);
}

TEST_CASE("webhook.registration: an ACTIVE endpoint for order.* and transfer.* passes",
          "[checks][webhook][api]") {
  Emu e;
  REQUIRE(e.register_webhook("https://other.example.com/x", R"(["account.*"])") == 201);
  REQUIRE(e.register_webhook(kHook) == 201);
  ApiHarness h;
  const auto r = h.run("webhook.registration",
                       with_webhook(api_target(e.emu.base_url(), EnvKind::production), kHook));
  INFO(r.summary);
  REQUIRE(r.status == Status::pass);
  CHECK_THAT(r.summary,
             Catch::Contains("is active for " + kHook) && Catch::Contains("order.*, transfer.*"));
  REQUIRE(r.evidence.size() == 3);  // the list request, then one line per endpoint
  CHECK(r.evidence[0].status == 200);
  CHECK_THAT(r.evidence[2].observed, Catch::StartsWith("ACTIVE " + kHook));
}

TEST_CASE("webhook.registration: no endpoint with the profile's URL fails",
          "[checks][webhook][api]") {
  Emu e;
  REQUIRE(e.register_webhook("https://partner.example.com/hooks/bluum/") == 201);
  ApiHarness h;
  const auto r = h.run("webhook.registration", with_webhook(api_target(e.emu.base_url()), kHook));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary,
             Catch::Contains("no registered endpoint has the URL " + kHook + " (1 registered)"));
  CHECK_THAT(r.fix, Catch::Contains("POST /v1/webhooks"));
}

TEST_CASE("webhook.registration: inactive, missing events, or http in production fail",
          "[checks][webhook][api]") {
  ApiHarness h;
  {
    Emu e;
    REQUIRE(e.register_webhook(kHook, R"(["order.filled"])") == 201);
    const auto r = h.run("webhook.registration", with_webhook(api_target(e.emu.base_url()), kHook));
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains("is not subscribed to transfer.*"));
  }
  {
    Emu e;
    REQUIRE(e.register_webhook(kHook) == 201);
    // Deactivate it through the API, as a partner's dashboard would.
    net::CurlClient client;
    net::Request list;
    list.url = e.emu.base_url() + "/webhooks";
    list.auth = net::BasicAuth{Secret(kApiKey, "t"), Secret(kApiSecret, "t")};
    const auto body = nlohmann::json::parse(client.send(list).response()->body);
    const auto id = body["data"][0]["id"].get<std::string>();
    REQUIRE(e.call("PATCH", "/webhooks/" + id, R"({"status":"INACTIVE"})") == 200);
    const auto r = h.run("webhook.registration", with_webhook(api_target(e.emu.base_url()), kHook));
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains(id + " is INACTIVE"));
  }
  {
    Emu e;
    const std::string http_hook = "http://partner.example.com/hooks";
    REQUIRE(e.register_webhook(http_hook) == 201);
    auto t = with_webhook(api_target(e.emu.base_url(), EnvKind::production), http_hook);
    const auto r = h.run("webhook.registration", t);
    REQUIRE(r.status == Status::fail);
    CHECK_THAT(r.summary, Catch::Contains("is not https"));
    t.profile.kind = EnvKind::sandbox;
    CHECK(h.run("webhook.registration", t).status == Status::pass);
  }
}

TEST_CASE("webhook.registration: the journey-page shape (event_type_names, active) passes",
          "[checks][webhook][api][integration]") {
  TestServer<> srv;
  srv.server().Get("/v1/webhooks", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"object":"list","has_more":false,"data":[{"id":"wh_1","object":"webhook",
      "url":"https://partner.example.com/hooks/bluum","status":"active",
      "event_type_names":["order.filled","transfer.deposit.completed"]}]})",
                    "application/json");
  });
  srv.start();
  ApiHarness h;
  const auto r = h.run("webhook.registration", with_webhook(api_target(srv.url("/v1")), kHook));
  INFO(r.summary);
  CHECK(r.status == Status::pass);
  const auto custom = h.run("webhook.registration", with_webhook(api_target(srv.url("/v1")), kHook),
                            YAML::Load("{events: [order.*, kyc.*]}"));
  REQUIRE(custom.status == Status::fail);
  CHECK_THAT(custom.summary, Catch::Contains("wh_1 is not subscribed to kyc.*"));
}

TEST_CASE("webhook.registration: an investor-scoped key's 403 fails with the meaning",
          "[checks][webhook][api][integration]") {
  TestServer<> srv;
  srv.server().Get("/v1/webhooks", [](const httplib::Request&, httplib::Response& res) {
    res.status = 403;
    res.set_content(R"({"error":{"type":"permission_error","code":"BLUM-403-001","message":"no"}})",
                    "application/json");
  });
  srv.start();
  ApiHarness h;
  const auto r = h.run("webhook.registration", with_webhook(api_target(srv.url("/v1")), kHook));
  REQUIRE(r.status == Status::fail);
  CHECK_THAT(r.summary, Catch::Contains("403 BLUM-403-001 (insufficient permissions)"));
  CHECK_THAT(r.fix, Catch::Contains("tenant-wide credentials"));
}

TEST_CASE("webhook.registration: says whether KYC events are subscribed, from the pack",
          "[checks][webhook][api][kyc]") {
  ApiHarness h;
  REQUIRE(h.pack.webhook.registration->onboarding_events == std::vector<std::string>{"kyc.*"});
  SECTION("subscribed: pass, and the summary says so") {
    Emu e;
    REQUIRE(e.register_webhook(kHook, R"(["order.*","transfer.*","kyc.verification.approved"])") ==
            201);
    const auto r = h.run("webhook.registration", with_webhook(api_target(e.emu.base_url()), kHook),
                         YAML::Load("{onboards_investors: true}"));
    REQUIRE(r.status == Status::pass);
    CHECK_THAT(r.summary, Catch::Contains("onboarding events (kyc.*) subscribed"));
  }
  SECTION("not subscribed, the partner does not onboard investors: pass, saying so") {
    Emu e;
    REQUIRE(e.register_webhook(kHook) == 201);
    const auto r = h.run("webhook.registration", with_webhook(api_target(e.emu.base_url()), kHook));
    REQUIRE(r.status == Status::pass);
    CHECK_THAT(r.summary, Catch::Contains("not subscribed to onboarding events (kyc.*)"));
  }
  SECTION("not subscribed, the profile says it onboards investors: warn with the fix") {
    Emu e;
    REQUIRE(e.register_webhook(kHook) == 201);
    const auto r = h.run("webhook.registration", with_webhook(api_target(e.emu.base_url()), kHook),
                         YAML::Load("{onboards_investors: true}"));
    REQUIRE(r.status == Status::warn);
    CHECK_THAT(r.fix, Catch::Contains("subscribe the endpoint to kyc.*"));
  }
  SECTION("the families come from the pack or the option, not from the code") {
    Emu e;
    REQUIRE(e.register_webhook(kHook, R"(["order.*","transfer.*","account.*"])") == 201);
    const auto t = with_webhook(api_target(e.emu.base_url()), kHook);
    CHECK(h.run("webhook.registration", t,
                YAML::Load("{onboards_investors: true, onboarding_events: [account.*]}"))
              .status == Status::pass);
    h.pack.webhook.registration->onboarding_events.clear();
    const auto r = h.run("webhook.registration", t, YAML::Load("{onboards_investors: true}"));
    CHECK(r.status == Status::pass);
    CHECK_THAT(r.summary, !Catch::Contains("onboarding"));
  }
}
