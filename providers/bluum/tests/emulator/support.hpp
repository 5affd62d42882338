#pragma once
/// Shared fixtures for the emulator tests: a started emulator, clients, a manual clock and
/// shortcuts for the lifecycle calls most tests need.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "providers/bluum/emulator/emulator.hpp"

namespace golive::bluum::emulator::test {

using nlohmann::json;

/// A clock that only moves when told to; sleep_for advances it.
class ManualClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() const override {
    std::lock_guard lock(mu_);
    return steady_ + offset_;
  }
  std::chrono::system_clock::time_point wall_now() const override {
    std::lock_guard lock(mu_);
    return wall_ + offset_;
  }
  void sleep_for(std::chrono::milliseconds d) override { advance(d); }
  void advance(std::chrono::milliseconds d) {
    std::lock_guard lock(mu_);
    offset_ += d;
  }

 private:
  mutable std::mutex mu_;
  std::chrono::steady_clock::time_point steady_ = std::chrono::steady_clock::now();
  std::chrono::system_clock::time_point wall_ = std::chrono::system_clock::now();
  std::chrono::milliseconds offset_{0};
};

/// An emulator started on an ephemeral loopback port, stopped on destruction.
struct Running {
  explicit Running(Options options = {}) : emu(std::move(options)) { emu.start(); }

  /// A client authenticated as (key, secret).
  httplib::Client client(const std::string& key = "key_test",
                         const std::string& secret = "s3cret") {
    httplib::Client c = anonymous();
    c.set_basic_auth(key.c_str(), secret.c_str());
    return c;
  }
  /// A client without credentials.
  httplib::Client anonymous() {
    httplib::Client c("127.0.0.1", emu.port());
    c.set_read_timeout(20);
    return c;
  }

  Emulator emu;
};

/// Options with `faults` switched on.
inline Options with_faults(std::set<std::string> faults) {
  Options o;
  o.faults = std::move(faults);
  return o;
}

/// The parsed body of a successful exchange (fails the test if there was no response).
inline json body_of(const httplib::Result& r) {
  REQUIRE(r);
  return json::parse(r->body);
}

/// The BLUM code of an error response.
inline std::string code_of(const httplib::Result& r) {
  return body_of(r)["error"]["code"];
}

inline httplib::Result post_json(httplib::Client& c, const std::string& path, const json& body,
                                 const std::string& idempotency_key = {}) {
  httplib::Headers headers;
  if (!idempotency_key.empty()) headers.emplace("Idempotency-Key", idempotency_key);
  return c.Post(path.c_str(), headers, body.dump(), "application/json");
}

inline json investor_body(const std::string& email = "ada@example.com") {
  return json{{"type", "individual"},
              {"first_name", "Ada"},
              {"last_name", "Lovelace"},
              {"email", email},
              {"date_of_birth", "1990-12-10"},
              {"signed_agreements", {"investor_agreement", "margin_disclosure_acknowledged"}}};
}

/// Creates an investor and returns its id.
inline std::string create_investor(httplib::Client& c) {
  auto r = post_json(c, "/v1/investors", investor_body());
  REQUIRE(r);
  REQUIRE(r->status == 201);
  return body_of(r)["id"];
}

/// Creates an ACH funding source for `inv` and returns its id.
inline std::string create_funding_source(httplib::Client& c, const std::string& inv) {
  auto r =
      post_json(c, "/v1/investors/" + inv + "/funding-sources",
                {{"type", "ach"}, {"routing_number", "011000015"}, {"account_number", "12345678"}});
  REQUIRE(r);
  REQUIRE(r->status == 201);
  return body_of(r)["id"];
}

inline json deposit_body(const std::string& fs, const std::string& amount = "100.00") {
  return json{
      {"amount", amount}, {"currency", "USD"}, {"method", "ach"}, {"funding_source_id", fs}};
}

/// Investor + funding source + a completed deposit of `amount`; returns (inv, fs).
inline std::pair<std::string, std::string> funded_investor(httplib::Client& c,
                                                           const std::string& amount = "10000.00") {
  const std::string inv = create_investor(c);
  const std::string fs = create_funding_source(c, inv);
  auto r =
      post_json(c, "/v1/investors/" + inv + "/deposits", deposit_body(fs, amount), "fund-" + inv);
  REQUIRE(r);
  REQUIRE(r->status == 201);
  return {inv, fs};
}

}  // namespace golive::bluum::emulator::test
