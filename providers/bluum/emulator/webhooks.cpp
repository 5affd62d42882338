/// Webhook registrations (`wh_`, SEED §1.8) and the events handlers emit to them.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <regex>

#include "crypto/random.hpp"
#include "providers/bluum/emulator/state.hpp"

namespace golive::bluum::emulator::detail {

namespace {

struct EventType {
  const char* name;
  const char* category;
  const char* display_name;
  const char* description;
};

constexpr std::array<EventType, 18> k_event_types = {{
    {"account.created", "account", "Account created", "An investor account was created."},
    {"account.updated", "account", "Account updated", "An investor account changed."},
    {"kyc.verification.approved", "kyc", "KYC approved", "Identity verification passed."},
    {"kyc.verification.rejected", "kyc", "KYC rejected", "Identity verification failed."},
    {"order.accepted", "order", "Order accepted", "An order was accepted."},
    {"order.filled", "order", "Order filled", "An order filled completely."},
    {"order.partially_filled", "order", "Order partially filled", "An order filled in part."},
    {"order.canceled", "order", "Order canceled", "An order was cancelled."},
    {"order.rejected", "order", "Order rejected", "An order was rejected."},
    {"transfer.deposit.initiated", "transfer", "Deposit initiated", "A deposit was created."},
    {"transfer.deposit.completed", "transfer", "Deposit completed", "A deposit settled."},
    {"transfer.deposit.failed", "transfer", "Deposit failed", "A deposit failed."},
    {"transfer.withdrawal.initiated", "transfer", "Withdrawal initiated",
     "A withdrawal was created."},
    {"transfer.withdrawal.completed", "transfer", "Withdrawal completed", "A withdrawal settled."},
    {"transfer.withdrawal.failed", "transfer", "Withdrawal failed", "A withdrawal failed."},
    {"document.approved", "document", "Document approved", "A KYC document was approved."},
    {"document.rejected", "document", "Document rejected", "A KYC document was rejected."},
    {"webhook.test", "test", "Test event", "A test delivery; acknowledge it and ignore it."},
}};

bool matches(const std::string& pattern, const std::string& type) {
  if (pattern == "*" || pattern == type) return true;
  return pattern.size() > 2 && pattern.ends_with(".*") &&
         type.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
}

json event_type_json(size_t index) {
  const EventType& e = k_event_types.at(index);
  char id[16];
  std::snprintf(id, sizeof id, "evtype_%03zu", index + 1);
  return json{{"id", id},
              {"name", e.name},
              {"category", e.category},
              {"displayName", e.display_name},
              {"description", e.description}};
}

/// The `eventTypeNames` array, checked against the catalogue (wildcards allowed).
json require_event_names(const json& body) {
  auto it = body.find("eventTypeNames");
  if (it == body.end() || it->is_null()) {
    throw ApiError(400, "BLUM-400-002", "Missing required field: eventTypeNames", "eventTypeNames");
  }
  if (!it->is_array() || it->empty()) {
    throw ApiError(400, "BLUM-400-003", "eventTypeNames must be a non-empty array",
                   "eventTypeNames");
  }
  for (const json& n : *it) {
    const bool known = n.is_string() && std::any_of(k_event_types.begin(), k_event_types.end(),
                                                    [&](const EventType& e) {
                                                      return matches(n.get<std::string>(), e.name);
                                                    });
    if (!known) {
      throw ApiError(400, "BLUM-400-004",
                     "Unknown event type " + n.dump() + "; see GET /v1/webhooks/event-types",
                     "eventTypeNames");
    }
  }
  return *it;
}

json event_types_for(const json& names) {
  json out = json::array();
  for (size_t i = 0; i < k_event_types.size(); ++i) {
    for (const json& n : names) {
      if (matches(n.get<std::string>(), k_event_types[i].name)) {
        out.push_back(event_type_json(i));
        break;
      }
    }
  }
  return out;
}

std::string require_url(const json& body, bool required) {
  std::string url = required ? require_string(body, "url") : optional_string(body, "url");
  if (!url.empty() &&
      !std::regex_match(url, std::regex(R"(https?://[^/\s:?#]+(:\d{1,5})?([/?#]\S*)?)"))) {
    throw ApiError(400, "BLUM-400-003", "url must be an absolute http(s) URL", "url");
  }
  return url;
}

std::string new_secret() {
  // Standard Webhooks style: whsec_ + base64 of 24 random bytes (peers.md §4.1).
  return "whsec_" + base64_encode(crypto::random_bytes(24));
}

/// An event payload: the older `{event, timestamp, data}` shape plus an `evt_` id and `type`.
json make_event(const Call& call, const std::string& type, const json& data) {
  return json{{"id", new_id("evt")},
              {"object", "event"},
              {"type", type},
              {"event", type},
              {"created", call.now},
              {"timestamp", iso8601(call.now)},
              {"livemode", call.livemode()},
              {"data", data}};
}

json& find_webhook(Call& call) {
  check_id(call.arg(1), "wh", "webhook_id");
  json* wh = call.tenant.webhooks.find(call.arg(1));
  if (wh == nullptr) not_found("webhook", call.arg(1));
  return *wh;
}

Reply create_webhook(Call& call) {
  const json& body = call.body;
  const std::string name = require_string(body, "name");
  if (name.size() > 120) throw ApiError(400, "BLUM-400-001", "name is too long (max 120)", "name");
  const std::string url = require_url(body, true);
  json names = require_event_names(body);
  json wh = call.new_resource("wh", "webhook");
  wh.update(json{{"name", name},
                 {"url", url},
                 {"description", string_or_null(optional_string(body, "description"))},
                 {"status", "ACTIVE"},
                 {"eventTypeNames", names},
                 {"eventTypes", event_types_for(names)}});
  json& stored = call.tenant.webhooks.add(wh);
  const std::string secret = new_secret();
  call.tenant.webhook_secrets[wh["id"].get<std::string>()] = secret;
  json out = stored;
  out["secret"] = secret;  // shown once, in the create response only
  return Reply{201, out};
}

Reply update_webhook(Call& call) {
  json& wh = find_webhook(call);
  const json& body = call.body;
  json changes = json::object();
  if (body.contains("name")) changes["name"] = require_string(body, "name");
  if (body.contains("url")) changes["url"] = require_url(body, true);
  if (body.contains("description"))
    changes["description"] = string_or_null(optional_string(body, "description"));
  if (body.contains("status")) {
    std::string status = require_string(body, "status");
    std::transform(status.begin(), status.end(), status.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    require_enum(status, "status", {"ACTIVE", "INACTIVE"});
    changes["status"] = status;
  }
  if (body.contains("eventTypeNames")) {
    changes["eventTypeNames"] = require_event_names(body);
    changes["eventTypes"] = event_types_for(changes["eventTypeNames"]);
  }
  wh.update(changes);
  return Reply{200, wh};
}

}  // namespace

void Call::emit(const std::string& type, const json& data) {
  const json event = make_event(*this, type, data);
  const std::string body_text = to_text(event);
  for (const json& wh : tenant.webhooks.all()) {
    if (wh["status"] != "ACTIVE") continue;
    const json& names = wh["eventTypeNames"];
    if (std::none_of(names.begin(), names.end(),
                     [&](const json& n) { return matches(n.get<std::string>(), type); })) {
      continue;
    }
    const std::string id = wh["id"].get<std::string>();
    outbox.push_back(DeliveryJob{id,
                                 wh["url"].get<std::string>(),
                                 tenant.webhook_secrets[id],
                                 event["id"].get<std::string>(),
                                 type,
                                 body_text,
                                 {}});
  }
}

void add_webhook_routes(Router& router) {
  router.add(Method::get, "/v1/webhooks/event-types", {.list = true}, [](Call& call) {
    std::vector<json> items;
    for (size_t i = 0; i < k_event_types.size(); ++i) items.push_back(event_type_json(i));
    return list_reply(call, items);
  });
  router.add(Method::post, "/v1/webhooks", {.json_body = true, .idempotent = true}, create_webhook);
  router.add(Method::get, "/v1/webhooks", {.list = true},
             [](Call& call) { return list_reply(call, call.tenant.webhooks.all()); });
  router.add(Method::get, "/v1/webhooks/([^/]+)", {}, [](Call& call) {
    return Reply{200, find_webhook(call)};
  });
  router.add(Method::patch, "/v1/webhooks/([^/]+)", {.json_body = true}, update_webhook);
  router.add(Method::del, "/v1/webhooks/([^/]+)", {}, [](Call& call) {
    const std::string id = find_webhook(call)["id"].get<std::string>();
    call.tenant.webhooks.erase(id);
    call.tenant.webhook_secrets.erase(id);
    return Reply{200, json{{"id", id}, {"object", "webhook"}, {"deleted", true}}};
  });
  router.add(Method::post, "/v1/webhooks/([^/]+)/test", {}, [](Call& call) {
    const json wh = find_webhook(call);
    const std::string id = wh["id"].get<std::string>();
    const json event = make_event(call, "webhook.test", json{{"webhook_id", id}});
    if (wh["status"] == "ACTIVE") {
      call.outbox.push_back(DeliveryJob{id,
                                        wh["url"].get<std::string>(),
                                        call.tenant.webhook_secrets[id],
                                        event["id"].get<std::string>(),
                                        "webhook.test",
                                        to_text(event),
                                        {}});
    }
    return Reply{202, json{{"object", "webhook_test"},
                           {"webhook_id", id},
                           {"event_id", event["id"]},
                           {"status", wh["status"] == "ACTIVE" ? "queued" : "skipped"}}};
  });
}

}  // namespace golive::bluum::emulator::detail
