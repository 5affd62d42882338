#include "providers/bluum/checks/api/livemode.hpp"

#include <fmt/format.h>

#include "net/json_body.hpp"

namespace golive::checks {

namespace {

/// The lists read, in order; the first with a resource carrying `livemode` decides.
const std::vector<std::pair<std::string, std::string>>& sources() {
  static const std::vector<std::pair<std::string, std::string>> s{
      {"/investors?limit=10", "investors"}, {"/webhooks?limit=10", "webhook endpoints"}};
  return s;
}

constexpr const char* kFix =
    "set the production profile's credentials to the production key pair (issued after "
    "compliance approval), not the sandbox pair; then re-run";

}  // namespace

CheckInfo ApiLivemode::describe() {
  CheckInfo i;
  i.id = "api.livemode";
  i.title = "Production credentials are live-mode keys";
  i.checklist_items = {"cutover.credentials"};
  i.side_effect = SideEffect::read_only;
  i.environments = {EnvKind::production};
  i.what =
      "Partner resources read with the production credentials (investors, else webhook "
      "endpoints) carry livemode: true.";
  i.why =
      "livemode is true only for resources of a live key; a sandbox key wired into "
      "production authenticates fine against a test tenant and nothing real happens.";
  i.how_to_fix = kFix;
  i.doc = "providers/bluum/checks/api/livemode.md";
  i.providers = {"bluum"};
  return i;
}

ApiLivemode::ApiLivemode(CheckOptions&) {}

std::vector<PlannedRequest> ApiLivemode::planned_requests(const Target& target) const {
  std::vector<PlannedRequest> out;
  for (const auto& [path, what] : sources()) {
    out.push_back(api::planned_get(target, path, "reads livemode of " + what));
  }
  out.back().note += " (only when there are no investors)";
  return out;
}

CheckResult ApiLivemode::run(CheckContext& ctx) {
  const auto missing = api::missing_auth_credential(ctx);
  if (!missing.empty()) return api::missing_credential(missing);
  CheckResult r;
  std::vector<std::string> empty;
  for (const auto& [path, what] : sources()) {
    const auto x = api::api_send(ctx, api::api_get(ctx, path));
    const std::string label = "GET " + path;
    const std::string expected = "resources with livemode: true";
    const auto* resp = x.response();
    // An older API surface may lack one list; try the next before giving up.
    if (resp != nullptr && resp->status == 404 && &path != &sources().back().first) {
      auto ev =
          api::exchange_evidence(x, label, expected, api::describe_status(ctx.provider, *resp));
      r.evidence.insert(r.evidence.end(), ev.begin(), ev.end());
      continue;
    }
    if (resp == nullptr || resp->status != 200) {
      auto g = api::grade_unexpected(ctx, x, label, expected);
      g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
      return g;
    }
    const auto body = net::parse_json_body(*resp);
    const auto* items = body.value ? api::list_items(*body.value) : nullptr;
    if (items == nullptr) {
      // An unreadable list proves nothing about the keys' mode (api.smoke judges the base URL).
      auto g = api::unreadable_body(x, label, expected,
                                    body.value ? std::string("body is not a list") : body.problem,
                                    "the keys' livemode");
      g.evidence.insert(g.evidence.begin(), r.evidence.begin(), r.evidence.end());
      return g;
    }
    size_t live = 0, test = 0;
    std::vector<std::string> test_ids;
    for (const auto& item : *items) {
      auto it = item.is_object() ? item.find("livemode") : item.end();
      if (it == item.end() || !it->is_boolean()) continue;
      if (it->get<bool>()) {
        ++live;
      } else {
        ++test;
        if (item.contains("id") && item["id"].is_string() && test_ids.size() < 3) {
          test_ids.push_back(item["id"].get<std::string>());
        }
      }
    }
    const auto observed =
        fmt::format("{} with livemode: true, {} with livemode: false", live, test);
    auto ev = api::exchange_evidence(x, label, expected, observed);
    r.evidence.insert(r.evidence.end(), ev.begin(), ev.end());
    if (test > 0) {
      r.status = Status::fail;
      r.summary = fmt::format(
          "{} of {} {} carry livemode: false{}: a test (sandbox) key is wired into production",
          test, live + test, what,
          test_ids.empty() ? "" : fmt::format(" ({})", fmt::join(test_ids, ", ")));
      r.fix = kFix;
      return r;
    }
    if (live > 0) {
      r.status = Status::pass;
      r.summary = fmt::format("{} {} read with these credentials carry livemode: true", live, what);
      return r;
    }
    empty.push_back(what);
  }
  r.status = Status::inconclusive;
  r.summary = fmt::format("no {} exist yet to read livemode from", fmt::join(empty, " or "));
  r.fix = "register the production webhook endpoint (webhook.registration), then re-run";
  return r;
}

}  // namespace golive::checks
