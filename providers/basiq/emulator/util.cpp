/// Basiq's error envelope, ids and event emission.
#include <openssl/rand.h>

#include "crypto/encoding.hpp"
#include "providers/basiq/emulator/internal.hpp"

namespace golive::basiq::emulator::detail {

ApiError::ApiError(int status_code, std::string error_code, const std::string& title,
                   std::string detail_text, std::string parameter_name)
    : std::runtime_error(title),
      status(status_code),
      code(std::move(error_code)),
      detail(detail_text.empty() ? title : std::move(detail_text)),
      parameter(std::move(parameter_name)) {}

json error_body(const ApiError& e) {
  json item = {{"type", "error"}, {"code", e.code}, {"title", e.what()}, {"detail", e.detail}};
  if (!e.parameter.empty()) item["source"] = {{"parameter", e.parameter}};
  return {{"type", "list"}, {"correlationId", new_uuid()}, {"data", json::array({item})}};
}

void write_error(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  res.set_content(to_text(error_body(e)), "application/json");
}

std::string new_uuid() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  const std::string hex =
      crypto::hex_encode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

std::string string_field(const json& body, const char* name) {
  auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

void Call::emit(const std::string& event_type, const std::string& entity_path) {
  for (const auto& hook : tenant.webhooks.all()) {
    if (hook.value("status", "") != "active") continue;
    const auto& events = hook["subscribedEvents"];
    bool subscribed = events.empty();
    for (const auto& e : events) subscribed = subscribed || e == event_type;
    if (!subscribed) continue;
    const std::string event_id = new_uuid();
    json event = {
        {"type", "event"},
        {"id", event_id},
        {"eventTypeId", event_type},
        {"createdDate", emukit::iso8601(now)},
        {"links",
         {{"self", origin + "/events/" + event_id}, {"eventEntity", origin + entity_path}}}};
    const std::string id = hook["id"].get<std::string>();
    outbox.push_back(DeliveryJob{id,
                                 hook["url"].get<std::string>(),
                                 tenant.webhook_secrets[id],
                                 event_id,
                                 event_type,
                                 to_text(event),
                                 {}});
  }
}

}  // namespace golive::basiq::emulator::detail
