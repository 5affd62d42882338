#pragma once
// A Bluum emulator whose tenant has operations that have been waiting for weeks, for the
// `watch` tests: its clock runs 20 days behind, so what is created through the API now looks
// 20 days old to a watch that reads real time.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "providers/bluum/emulator/emulator.hpp"

namespace golive::testing {

/// Real time, but the wall clock `behind` in the past.
class PastClock final : public Clock {
 public:
  explicit PastClock(std::chrono::hours behind) : behind_(behind) {}
  std::chrono::steady_clock::time_point now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point wall_now() const override {
    return std::chrono::system_clock::now() - behind_;
  }
  void sleep_for(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }

 private:
  std::chrono::hours behind_;
};

inline const std::string kWatchKey = "watchkey-CANARY-7f3a";
inline const std::string kWatchSecret = "watchsecret-CANARY-19c2";

/// What the stuck tenant holds.
struct StuckIds {
  std::string investor, manual_deposit, withdrawal, day_order, gtc_order, inactive_webhook;
};

/// An emulator (clock 20 days behind, faults as given) on an ephemeral loopback port.
struct StuckEmulator {
  PastClock clock{std::chrono::hours(24 * 20)};
  std::unique_ptr<bluum::emulator::Emulator> emu;
  StuckIds ids;

  explicit StuckEmulator(std::set<std::string> faults = {}) {
    bluum::emulator::Options o;
    o.clock = &clock;
    o.faults = std::move(faults);
    o.deliver_webhooks = false;
    o.rate_limit_per_s = 100;  // the setup sends a dozen requests at once
    emu = std::make_unique<bluum::emulator::Emulator>(o);
    emu->start();
  }

  httplib::Client client() {
    httplib::Client c("127.0.0.1", emu->port());
    c.set_basic_auth(kWatchKey.c_str(), kWatchSecret.c_str());
    c.set_read_timeout(20);
    return c;
  }

  /// POSTs `body` and returns the created resource (requires 201).
  nlohmann::json create(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                        const std::string& key = "") {
    httplib::Headers h;
    if (!key.empty()) h.emplace("Idempotency-Key", key);
    auto r = c.Post(("/v1" + path).c_str(), h, body.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    return nlohmann::json::parse(r->body);
  }

  /// Fills the tenant: an investor with a completed ACH deposit, a filled market order and an
  /// open good-till-cancelled limit order (all fine), and what is stuck: a manual deposit and a
  /// withdrawal pending for 20 days, a day order open for 20 days, and an INACTIVE webhook.
  void make_stuck() {
    auto c = client();
    ids.investor = create(
        c, "/investors",
        {{"type", "individual"},
         {"first_name", "Ada"},
         {"last_name", "Lovelace"},
         {"email", "ada@example.com"},
         {"date_of_birth", "1990-12-10"},
         {"signed_agreements", {"investor_agreement", "margin_disclosure_acknowledged"}}})["id"];
    const std::string inv = "/investors/" + ids.investor;
    const std::string fs = create(
        c, inv + "/funding-sources",
        {{"type", "ach"}, {"routing_number", "011000015"}, {"account_number", "12345678"}})["id"];
    create(
        c, inv + "/deposits",
        {{"amount", "5000.00"}, {"currency", "USD"}, {"method", "ach"}, {"funding_source_id", fs}},
        "dep-ach");
    ids.manual_deposit =
        create(c, inv + "/deposits", {{"amount", "500.00"}, {"method", "manual_bank_transfer"}},
               "dep-manual")["id"];
    ids.withdrawal = create(
        c, inv + "/withdrawals",
        {{"amount", "100.00"}, {"currency", "USD"}, {"method", "ach"}, {"funding_source_id", fs}},
        "wd-1")["id"];
    create(c, inv + "/orders",
           {{"symbol", "AAPL"},
            {"side", "buy"},
            {"type", "market"},
            {"time_in_force", "day"},
            {"quantity", "1"}});
    auto limit = [&](const char* tif) {
      return create(c, inv + "/orders",
                    {{"symbol", "AAPL"},
                     {"side", "buy"},
                     {"type", "limit"},
                     {"time_in_force", tif},
                     {"quantity", "1"},
                     {"limit_price", "1.00"}})["id"]
          .get<std::string>();
    };
    ids.day_order = limit("day");
    ids.gtc_order = limit("gtc");
    create(c, "/webhooks",
           {{"name", "live"},
            {"url", "https://partner.example.com/hooks"},
            {"eventTypeNames", {"order.*", "transfer.*"}}});
    ids.inactive_webhook = create(c, "/webhooks",
                                  {{"name", "old"},
                                   {"url", "https://partner.example.com/old-hooks"},
                                   {"eventTypeNames", {"order.*"}}})["id"];
    auto r = c.Patch(("/v1/webhooks/" + ids.inactive_webhook).c_str(), R"({"status":"INACTIVE"})",
                     "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
  }
};

}  // namespace golive::testing
