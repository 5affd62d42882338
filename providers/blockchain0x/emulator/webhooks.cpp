/// Webhook endpoints (dashboard-registered, readable with GET /v1/webhooks, seed-apis.md §2.6)
/// and the signed events handlers emit to them.
#include <algorithm>

#include "providers/blockchain0x/emulator/internal.hpp"

namespace golive::blockchain0x::emulator::detail {

namespace {

bool matches(const std::string& pattern, const std::string& type) {
  if (pattern == "*" || pattern == type) return true;
  return pattern.size() > 2 && pattern.ends_with(".*") &&
         type.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
}

/// One delivery of `event` to endpoint `wh`, with the vendor's headers besides the signature.
DeliveryJob job_for(const Tenant& tenant, const json& wh, const json& event) {
  const std::string id = wh["id"].get<std::string>();
  const std::string type = event["type"].get<std::string>();
  return DeliveryJob{id,
                     wh["url"].get<std::string>(),
                     tenant.webhook_secrets.at(id),
                     event["id"].get<std::string>(),
                     type,
                     to_text(event),
                     {{"X-Blockchain0x-Event-Type", type},
                      {"X-Blockchain0x-Delivery-Id", "webhook_" + new_id("dlv")}}};
}

json make_event(const Call& call, const std::string& type, const json& data) {
  return json{{"id", "evt_" + emukit::random_base32(26)},
              {"type", type},
              {"network", call.tenant.network},
              {"createdAt", iso8601(call.now)},
              {"data", data}};
}

}  // namespace

std::string add_webhook(Tenant& tenant, const std::string& url,
                        const std::vector<std::string>& events, const std::string& secret,
                        std::int64_t now) {
  json wh{{"id", new_id("wh")},
          {"url", url},
          {"events", events},
          {"network", tenant.network},
          {"createdAt", iso8601(now)}};
  const std::string id = wh["id"].get<std::string>();
  tenant.webhook_secrets[id] = secret;
  tenant.webhooks.add(std::move(wh));
  return id;
}

void Call::emit(const std::string& type, const json& data) {
  const json event = make_event(*this, type, data);
  for (const json& wh : tenant.webhooks.all()) {
    const json& names = wh["events"];
    if (std::any_of(names.begin(), names.end(),
                    [&](const json& n) { return matches(n.get<std::string>(), type); })) {
      outbox.push_back(job_for(tenant, wh, event));
    }
  }
}

void add_webhook_routes(Router& router) {
  router.add(Method::get, "/v1/webhooks", {.list = true}, [](Call& call) {
    if (call.has_fault("webhooks-empty")) return list_reply(call, {});
    return list_reply(call, call.tenant.webhooks.all());
  });
  router.add(Method::post, "/v1/webhooks/([^/]+)/test", {.json_body = true}, [](Call& call) {
    const json* wh = call.tenant.webhooks.find(call.arg(1));
    if (wh == nullptr) not_found("webhook", call.arg(1));
    const json event = make_event(call, "webhook.test", json{{"webhookId", call.arg(1)}});
    call.outbox.push_back(job_for(call.tenant, *wh, event));
    return Reply{202, json{{"eventId", event["id"]}, {"status", "queued"}}};
  });
}

}  // namespace golive::blockchain0x::emulator::detail
