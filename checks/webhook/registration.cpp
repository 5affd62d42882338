#include "checks/webhook/registration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "checks/api/bluum_http.hpp"
#include "net/json_body.hpp"
#include "net/url.hpp"

namespace golive::checks {

namespace {

constexpr int kPageSize = 100;
constexpr int kMaxPages = 5;

/// One registered endpoint as the list shows it (API-reference or journey-page field names).
struct Endpoint {
  std::string id, url, status;
  std::vector<std::string> events;
};

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Endpoint read_endpoint(const nlohmann::json& j) {
  Endpoint e;
  if (!j.is_object()) return e;
  e.id = str(j, "id");
  e.url = str(j, "url");
  e.status = upper(str(j, "status"));
  for (const char* key : {"eventTypeNames", "event_type_names"}) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) continue;
    for (const auto& n : *it) {
      if (n.is_string()) e.events.push_back(n.get<std::string>());
    }
  }
  auto types = j.find("eventTypes");
  if (e.events.empty() && types != j.end() && types->is_array()) {
    for (const auto& t : *types) {
      if (t.is_object()) e.events.push_back(str(t, "name"));
    }
  }
  return e;
}

/// Whether subscription `s` delivers some event of required `r` ("order.*" or an exact name).
bool covers(const std::string& s, const std::string& r) {
  auto family = [](const std::string& p) {
    return p.ends_with(".*") ? p.substr(0, p.size() - 1) : "";
  };
  if (s == "*" || s == r) return true;
  const auto rf = family(r), sf = family(s);
  if (!rf.empty() && s.rfind(rf, 0) == 0) return true;  // order.filled delivers order events
  return !sf.empty() && r.rfind(sf, 0) == 0;            // order.* delivers order.filled
}

/// Problems that keep `e` from being the production-ready registration of the profile's URL.
std::vector<std::string> problems_of(const Endpoint& e, const std::vector<std::string>& required,
                                     EnvKind kind) {
  std::vector<std::string> out;
  if (e.status != "ACTIVE")
    out.push_back(fmt::format("{} is {}", e.id, e.status.empty() ? "without status" : e.status));
  if (kind == EnvKind::production && e.url.rfind("https://", 0) != 0) {
    out.push_back(fmt::format("{} is not https", e.id));
  }
  std::vector<std::string> lacking;
  for (const auto& r : required) {
    if (std::none_of(e.events.begin(), e.events.end(),
                     [&](const auto& s) { return covers(s, r); })) {
      lacking.push_back(r);
    }
  }
  if (!lacking.empty()) {
    out.push_back(fmt::format("{} is not subscribed to {}", e.id, fmt::join(lacking, ", ")));
  }
  return out;
}

}  // namespace

CheckInfo WebhookRegistration::describe() {
  CheckInfo i;
  i.id = "webhook.registration";
  i.title = "The webhook endpoint is registered, active and subscribed";
  i.checklist_items = {"webhooks.registered"};
  i.side_effect = SideEffect::read_only;
  i.what =
      "GET /webhooks lists an ACTIVE endpoint whose URL is exactly webhook.url (https in "
      "production), subscribed to order and transfer events.";
  i.why =
      "Order fills and transfer outcomes reach the partner only through a registered, active "
      "endpoint; a registration left on the sandbox URL, inactive, or missing an event "
      "family silently drops them.";
  i.how_to_fix =
      "Register the endpoint with POST /v1/webhooks {name, url, eventTypeNames: "
      "[\"order.*\", \"transfer.*\"]} using tenant-wide credentials, or PATCH the "
      "existing one (status ACTIVE, eventTypeNames).";
  i.doc = "checks/webhook/registration.md";
  return i;
}

WebhookRegistration::WebhookRegistration(CheckOptions& options)
    : events_(options.get_string_list("events", {"order.*", "transfer.*"})) {
  if (events_.empty()) options.error("events", "must name at least one event or family");
}

std::vector<PlannedRequest> WebhookRegistration::planned_requests(const Target& target) const {
  if (!target.profile.webhook) return {};
  return {api::planned_get(target, fmt::format("/webhooks?limit={}&offset=0", kPageSize),
                           "lists registered endpoints (more pages while has_more)")};
}

CheckResult WebhookRegistration::run(CheckContext& ctx) {
  CheckResult r;
  if (!ctx.profile().webhook) {
    r.status = Status::skip;
    r.summary = "no webhook configured in the profile";
    return r;
  }
  std::string missing;
  const auto auth = api::basic_auth(ctx, missing);
  if (!auth) return api::missing_credential(missing);
  const std::string& want = ctx.target.webhook_url;
  std::vector<Endpoint> endpoints;
  bool unread_pages = false;  // has_more was still true after the last page read
  for (int page = 0; page < kMaxPages; ++page) {
    const auto path = fmt::format("/webhooks?limit={}&offset={}", kPageSize, page * kPageSize);
    const auto x = ctx.http.send(api::api_get(ctx, path, auth));
    const std::string label = "GET " + path;
    const auto* resp = x.response();
    if (resp == nullptr || resp->status != 200) {
      auto g = api::grade_unexpected(ctx, x, label, "200 and the list of endpoints");
      g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
      return g;
    }
    const auto body = net::parse_json_body(*resp);
    const auto* items = body.value ? api::list_items(*body.value) : nullptr;
    if (items == nullptr) {
      // An unreadable page says nothing about what is registered (api.smoke judges the base URL).
      auto g = api::unreadable_body(x, label, "200 and the list of endpoints",
                                    body.value ? std::string("body is not a list") : body.problem,
                                    "the registration");
      g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
      return g;
    }
    auto ev = api::exchange_evidence(x, label, "200 and the list of endpoints",
                                     fmt::format("200, {} endpoints", items->size()));
    r.evidence.insert(r.evidence.end(), ev.begin(), ev.end());
    for (const auto& item : *items) endpoints.push_back(read_endpoint(item));
    const auto more = body.value->is_object() ? body.value->find("has_more") : body.value->end();
    unread_pages = more != body.value->end() && more->is_boolean() && more->get<bool>();
    if (!unread_pages) break;
  }
  for (const auto& e : endpoints) {
    Evidence ev;
    ev.label = "registered endpoint " + (e.id.empty() ? std::string("(no id)") : e.id);
    ev.expected = fmt::format("ACTIVE {}", net::redact_url(want));
    ev.observed =
        fmt::format("{} {} [{}]", e.status, net::redact_url(e.url), fmt::join(e.events, ", "));
    r.evidence.push_back(std::move(ev));
  }
  std::vector<std::string> first_problems;
  bool found = false;
  for (const auto& e : endpoints) {
    if (e.url != want) continue;
    const auto problems = problems_of(e, events_, ctx.profile().kind);
    if (problems.empty()) {
      r.status = Status::pass;
      r.summary = fmt::format("{} is ACTIVE for {} and subscribed to {}", e.id,
                              net::redact_url(want), fmt::join(e.events, ", "));
      return r;
    }
    if (!found) first_problems = problems;
    found = true;
  }
  if (!found && unread_pages) {
    // The endpoint may be on a page past the ones read: absence is not proven.
    r.status = Status::inconclusive;
    r.summary = fmt::format(
        "no endpoint with the URL {} among the first {} registered, and the provider has more "
        "than this check reads ({} pages of {})",
        net::redact_url(want), endpoints.size(), kMaxPages, kPageSize);
    r.fix = "delete registrations that are no longer used, so the list fits in " +
            std::to_string(kMaxPages * kPageSize) + " endpoints";
    return r;
  }
  r.status = Status::fail;
  r.fix = describe().how_to_fix;
  if (!found) {
    r.summary = fmt::format("no registered endpoint has the URL {} ({} registered)",
                            net::redact_url(want), endpoints.size());
  } else {
    r.summary = fmt::format("{}", fmt::join(first_problems, "; "));
  }
  return r;
}

}  // namespace golive::checks
