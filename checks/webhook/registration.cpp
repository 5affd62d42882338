#include "checks/webhook/registration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "checks/api/api_http.hpp"
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

Endpoint read_endpoint(const WebhookRegistrationSpec& spec, const nlohmann::json& j) {
  Endpoint e;
  if (!j.is_object()) return e;
  e.id = str(j, "id");
  e.url = str(j, spec.url_field.c_str());
  // Without a status field every listed endpoint is active.
  e.status = spec.status_field.empty() ? "ACTIVE" : upper(str(j, spec.status_field.c_str()));
  for (const auto& key : spec.events_field) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) continue;
    for (const auto& n : *it) {
      if (n.is_string()) e.events.push_back(n.get<std::string>());
      if (n.is_object()) e.events.push_back(str(n, "name"));  // [{name, ...}] catalogue form
    }
    if (!e.events.empty()) break;
  }
  return e;
}

bool is_active(const WebhookRegistrationSpec& spec, const std::string& status) {
  if (spec.status_field.empty()) return true;
  return std::any_of(spec.active.begin(), spec.active.end(),
                     [&](const std::string& a) { return upper(a) == status; });
}

/// The next page's path, or "" when the list is complete.
std::string next_page(const WebhookRegistrationSpec& spec, const nlohmann::json& body, int page) {
  if (!body.is_object()) return "";
  if (spec.pagination == "offset") {
    const auto more = body.find("has_more");
    if (more == body.end() || !more->is_boolean() || !more->get<bool>()) return "";
    return fmt::format("{}?limit={}&offset={}", spec.path, kPageSize, (page + 1) * kPageSize);
  }
  if (spec.pagination == "cursor") {
    const auto p = body.find("page");
    if (p == body.end() || !p->is_object()) return "";
    const auto next = str(*p, "next");
    return next.empty() ? "" : fmt::format("{}?limit={}&cursor={}", spec.path, kPageSize, next);
  }
  return "";
}

std::string first_page(const WebhookRegistrationSpec& spec) {
  if (spec.pagination == "offset") return fmt::format("{}?limit={}&offset=0", spec.path, kPageSize);
  if (spec.pagination == "cursor") return fmt::format("{}?limit={}", spec.path, kPageSize);
  return spec.path;
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
std::vector<std::string> problems_of(const WebhookRegistrationSpec& spec, const Endpoint& e,
                                     const std::vector<std::string>& required, EnvKind kind) {
  std::vector<std::string> out;
  if (!is_active(spec, e.status))
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
  i.requires_pack = {"webhook-registration"};
  i.what =
      "The provider's webhook list (Bluum GET /webhooks) shows an active endpoint whose URL is "
      "exactly webhook.url (https in production), subscribed to the event families the pack "
      "requires (Bluum: order and transfer events).";
  i.why =
      "Order fills and transfer outcomes reach the partner only through a registered, active "
      "endpoint; a registration left on the sandbox URL, inactive, or missing an event "
      "family silently drops them.";
  i.how_to_fix =
      "Register the endpoint for the profile's webhook.url with the provider (Bluum: POST "
      "/v1/webhooks {name, url, eventTypeNames: [\"order.*\", \"transfer.*\"]} with "
      "tenant-wide credentials), or reactivate and resubscribe the existing one.";
  i.doc = "checks/webhook/registration.md";
  return i;
}

WebhookRegistration::WebhookRegistration(CheckOptions& options)
    : spec_(options.pack() && options.pack()->webhook.registration
                ? *options.pack()->webhook.registration
                : WebhookRegistrationSpec{"/webhooks", "url", "", {}, {}, {}, "none"}),
      events_(options.get_string_list("events", spec_.required_events)) {}

std::vector<PlannedRequest> WebhookRegistration::planned_requests(const Target& target) const {
  if (!target.profile.webhook) return {};
  return {api::planned_get(target, first_page(spec_), "lists registered endpoints (every page)")};
}

CheckResult WebhookRegistration::run(CheckContext& ctx) {
  CheckResult r;
  if (!ctx.profile().webhook) {
    r.status = Status::skip;
    r.summary = "no webhook configured in the profile";
    return r;
  }
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  const std::string& want = ctx.target.webhook_url;
  std::vector<Endpoint> endpoints;
  std::string path = first_page(spec_);
  bool unread_pages = false;  // a next page was still there after the last page read
  for (int page = 0; page < kMaxPages && !path.empty(); ++page) {
    const auto x = api::api_send(ctx, api::api_get(ctx, path));
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
    for (const auto& item : *items) endpoints.push_back(read_endpoint(spec_, item));
    path = next_page(spec_, *body.value, page);
    unread_pages = !path.empty();
  }
  for (const auto& e : endpoints) {
    Evidence ev;
    ev.label = "registered endpoint " + (e.id.empty() ? std::string("(no id)") : e.id);
    ev.expected = fmt::format("active {}", net::redact_url(want));
    ev.observed =
        fmt::format("{} {} [{}]", e.status, net::redact_url(e.url), fmt::join(e.events, ", "));
    r.evidence.push_back(std::move(ev));
  }
  std::vector<std::string> first_problems;
  bool found = false;
  for (const auto& e : endpoints) {
    if (e.url != want) continue;
    const auto problems = problems_of(spec_, e, events_, ctx.profile().kind);
    if (problems.empty()) {
      r.status = Status::pass;
      r.summary = fmt::format("{} is active for {}{}{}", e.id.empty() ? "an endpoint" : e.id,
                              net::redact_url(want), e.events.empty() ? "" : " and subscribed to ",
                              fmt::join(e.events, ", "));
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
