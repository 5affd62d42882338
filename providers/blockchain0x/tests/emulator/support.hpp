#pragma once
/// Shared fixtures for the Blockchain0x emulator tests: a started emulator and Bearer clients.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "providers/blockchain0x/emulator/emulator.hpp"

namespace golive::blockchain0x::emulator::test {

using nlohmann::json;

/// Keys built at run time, so no key shape sits in a tracked file (credentials.not-in-files).
inline std::string test_key(const std::string& tail = "alpha") {
  return "sk_test_" + std::string("golive") + tail + "0123456789abcdef";
}
inline std::string live_key(const std::string& tail = "alpha") {
  return "sk_live_" + std::string("golive") + tail + "0123456789abcdef";
}

/// An emulator started on an ephemeral loopback port, stopped on destruction.
struct Running {
  explicit Running(Options options = {}) : emu(std::move(options)) { emu.start(); }

  /// A client sending `Authorization: Bearer key` and `X-Network: network` (unless empty).
  httplib::Client client(const std::string& key, const std::string& network) {
    httplib::Client c("127.0.0.1", emu.port());
    c.set_read_timeout(20);
    httplib::Headers h;
    if (!key.empty()) h.emplace("Authorization", "Bearer " + key);
    if (!network.empty()) h.emplace("X-Network", network);
    c.set_default_headers(h);
    return c;
  }
  httplib::Client sandbox(const std::string& tail = "alpha") {
    return client(test_key(tail), "testnet");
  }

  Emulator emu;
};

inline Options with_faults(std::set<std::string> faults) {
  Options o;
  o.faults = std::move(faults);
  return o;
}

inline json body_of(const httplib::Result& r) {
  REQUIRE(r);
  return json::parse(r->body);
}

inline std::string code_of(const httplib::Result& r) {
  return body_of(r)["error"]["code"];
}

inline httplib::Result post_json(httplib::Client& c, const std::string& path, const json& body,
                                 const std::string& idempotency_key = {}) {
  httplib::Headers headers;
  if (!idempotency_key.empty()) headers.emplace("Idempotency-Key", idempotency_key);
  return c.Post(path.c_str(), headers, body.dump(), "application/json");
}

/// The id of the key's one agent.
inline std::string agent_of(httplib::Client& c) {
  auto r = c.Get("/v1/agents");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return body_of(r)["data"][0]["id"];
}

inline json payment_body(const std::string& agent, const std::string& amount = "10000") {
  return json{{"agentId", agent},
              {"to", "0x000000000000000000000000000000000000dEaD"},
              {"amountWei", amount}};
}

}  // namespace golive::blockchain0x::emulator::test
