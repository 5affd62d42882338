#include <atomic>

#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

namespace {

httplib::Result deliver(Running& run, const std::string& id,
                        const std::string& body = R"({"type":"order.filled"})") {
  auto c = run.anonymous();
  return c.Post("/receiver/webhooks", {{"Webhook-Id", id}, {"Webhook-Signature", "v1,abc"}}, body,
                "application/json");
}

}  // namespace

TEST_CASE("emulator: the receiver passes lower-cased headers and the raw body to the verifier",
          "[emulator]") {
  Running run;
  std::mutex mu;
  HeaderList seen_headers;
  std::string seen_body;
  run.emu.set_receiver_verifier([&](const HeaderList& headers, const std::string& body) {
    std::lock_guard lock(mu);
    seen_headers = headers;
    seen_body = body;
    return ReceiverVerdict{};
  });
  auto r = deliver(run, "msg_1", R"({"type": "order.filled",  "data": {}})");
  REQUIRE(r);
  CHECK(r->status == 200);
  std::lock_guard lock(mu);
  CHECK(seen_body == R"({"type": "order.filled",  "data": {}})");
  CHECK(std::count(seen_headers.begin(), seen_headers.end(),
                   std::pair<std::string, std::string>{"webhook-id", "msg_1"}) == 1);
  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 1);
  CHECK(received[0].delivery_id == "msg_1");
  CHECK(received[0].event_type == "order.filled");
  CHECK(received[0].verified);
  CHECK_FALSE(received[0].duplicate);
}

TEST_CASE("emulator: the receiver answers 400 when the verifier rejects", "[emulator]") {
  Running run;
  run.emu.set_receiver_verifier([](const HeaderList&, const std::string&) {
    return ReceiverVerdict{false, "signature mismatch"};
  });
  auto r = deliver(run, "msg_bad");
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(body_of(r)["error"] == "signature mismatch");
  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 1);
  CHECK_FALSE(received[0].verified);
  CHECK(received[0].status == 400);
}

TEST_CASE("emulator: the receiver accepts everything when no verifier is set", "[emulator]") {
  Running run;
  auto r = deliver(run, "msg_default");
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("emulator: fault receiver-accepts-anything skips the verifier", "[emulator]") {
  Running run(with_faults({"receiver-accepts-anything"}));
  std::atomic<int> calls{0};
  run.emu.set_receiver_verifier([&](const HeaderList&, const std::string&) {
    ++calls;
    return ReceiverVerdict{false, "never"};
  });
  auto r = deliver(run, "msg_forged");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(calls == 0);
  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 1);
  CHECK(received[0].verification_skipped);
  CHECK_FALSE(received[0].verified);
}

TEST_CASE("emulator: the receiver acknowledges a duplicate delivery and marks it", "[emulator]") {
  Running run;
  auto first = deliver(run, "msg_dup");
  auto second = deliver(run, "msg_dup");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 200);
  CHECK(second->status == 200);
  CHECK(body_of(first)["duplicate"] == false);
  CHECK(body_of(second)["duplicate"] == true);
  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 2);
  CHECK_FALSE(received[0].duplicate);
  CHECK(received[1].duplicate);
  auto listed = run.anonymous().Get("/receiver/webhooks");
  CHECK(body_of(listed)["data"].size() == 2);
}

TEST_CASE("emulator: without webhook-id the receiver dedupes on the payload id", "[emulator]") {
  Running run;
  auto c = run.anonymous();
  const std::string body = R"({"id":"evt_1","type":"order.filled"})";
  c.Post("/receiver/webhooks", body, "application/json");
  c.Post("/receiver/webhooks", body, "application/json");
  const auto received = run.emu.received_deliveries();
  REQUIRE(received.size() == 2);
  CHECK(received[0].delivery_id == "evt_1");
  CHECK(received[1].duplicate);
}

TEST_CASE("emulator: fault receiver-slow delays the receiver's answer", "[emulator]") {
  Options o = with_faults({"receiver-slow"});
  o.receiver_delay = std::chrono::milliseconds(300);
  Running run(o);
  const auto start = std::chrono::steady_clock::now();
  auto r = deliver(run, "msg_slow");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
}

TEST_CASE("emulator: stop() does not wait for a slow receiver answer", "[emulator]") {
  Running run(with_faults({"receiver-slow"}));  // 31 s by default
  std::thread client([&] { deliver(run, "msg_stop"); });
  while (run.emu.received_deliveries().empty())
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  run.emu.stop();  // returns once the delayed answer is woken, not after 31 s
  client.join();
  CHECK(run.emu.received_deliveries().size() == 1);
}
