#include "emukit/receiver.hpp"

#include <algorithm>
#include <cctype>

#include "crypto/digest.hpp"
#include "emukit/util.hpp"

namespace golive::emukit {

namespace {

/// Which id makes two deliveries "the same": the Standard Webhooks `webhook-id` header, else
/// the payload's `id`, else event name + `data.id` (the setup guide's advice), else a body hash.
std::string delivery_id(const HeaderList& headers, const json& payload, const std::string& body) {
  for (const auto& [name, value] : headers) {
    if (name == "webhook-id" && !value.empty()) return value;
  }
  if (payload.is_object()) {
    if (payload.contains("id") && payload["id"].is_string())
      return payload["id"].get<std::string>();
    const json data = payload.value("data", json::object());
    if (data.is_object() && data.contains("id") && data["id"].is_string()) {
      return payload.value("event", payload.value("type", "")) + ":" +
             data["id"].get<std::string>();
    }
  }
  return "sha256:" + crypto::sha256_hex(body);
}

std::string event_type(const json& payload) {
  if (!payload.is_object()) return {};
  for (const char* key : {"type", "event"}) {
    if (payload.contains(key) && payload[key].is_string()) return payload[key].get<std::string>();
  }
  return {};
}

}  // namespace

Receiver::Receiver(ReceiverBehaviour behaviour,
                   std::function<bool(std::chrono::milliseconds)> pause)
    : behaviour_(behaviour), pause_(std::move(pause)) {}

void Receiver::mount(httplib::Server& server) {
  server.Post("/receiver/webhooks",
              [this](const httplib::Request& req, httplib::Response& res) { receive(req, res); });
  server.Get("/receiver/webhooks", [this](const httplib::Request&, httplib::Response& res) {
    json out = json::array();
    for (const ReceivedDelivery& d : received()) {
      out.push_back({{"delivery_id", d.delivery_id},
                     {"event_type", d.event_type},
                     {"verified", d.verified},
                     {"verification_skipped", d.verification_skipped},
                     {"duplicate", d.duplicate},
                     {"status", d.status},
                     {"received_at", iso8601(std::chrono::duration_cast<std::chrono::seconds>(
                                                 d.received_at.time_since_epoch())
                                                 .count())}});
    }
    res.set_content(to_text(json{{"object", "list"}, {"data", out}}), "application/json");
  });
}

void Receiver::set_verifier(Verifier verifier) {
  std::lock_guard lock(mu_);
  verifier_ = std::move(verifier);
}

std::vector<ReceivedDelivery> Receiver::received() const {
  std::lock_guard lock(mu_);
  return records_;
}

void Receiver::receive(const httplib::Request& req, httplib::Response& res) {
  ReceivedDelivery rec;
  rec.received_at = std::chrono::system_clock::now();
  rec.body = req.body;
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    rec.headers.emplace_back(lower, value);
  }
  const json payload = json::parse(req.body, nullptr, false);
  rec.event_type = event_type(payload);
  rec.delivery_id = delivery_id(rec.headers, payload, req.body);

  ReceiverVerdict verdict;
  rec.verification_skipped = behaviour_.accept_anything;
  if (!rec.verification_skipped) {
    Verifier verifier;
    {
      std::lock_guard lock(mu_);
      verifier = verifier_;
    }
    // The verifier runs outside the lock: it may be slow and is documented thread-safe.
    if (verifier) verdict = verifier(rec.headers, req.body);
  }
  rec.verified = verdict.accepted && !rec.verification_skipped;
  json answer;
  {
    std::lock_guard lock(mu_);
    if (!verdict.accepted) {
      rec.status = 400;
      answer = {{"received", false},
                {"error", verdict.reason.empty() ? "rejected" : verdict.reason}};
    } else {
      // Acknowledge first-time and repeated deliveries alike; process only the first (SPEC §6).
      rec.duplicate = !seen_.insert(rec.delivery_id).second;
      rec.status = 200;
      answer = {{"received", true}, {"duplicate", rec.duplicate}, {"delivery_id", rec.delivery_id}};
    }
    records_.push_back(rec);
  }
  if (behaviour_.delay.count() > 0) pause_(behaviour_.delay);
  res.status = rec.status;
  res.set_content(to_text(answer), "application/json");
}

}  // namespace golive::emukit
