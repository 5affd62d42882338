#include "providers/basiq/checks/basiq_list.hpp"

#include <fmt/format.h>

#include "net/json_body.hpp"

namespace golive::checks::basiq {

ListAnswer get_list(const CheckContext& ctx, const std::string& path, const std::string& expected) {
  ListAnswer a{api::api_send(ctx, api::api_get(ctx, path)), nullptr, nullptr, std::nullopt};
  const std::string label = "GET " + path;
  const auto* resp = a.exchange.response();
  if (resp == nullptr || resp->status != 200) {
    a.failed = api::grade_unexpected(ctx, a.exchange, label, expected);
    return a;
  }
  auto parsed = net::parse_json_body(*resp);
  if (parsed.value) a.body = std::move(*parsed.value);
  a.items = parsed.value ? api::list_items(a.body) : nullptr;
  if (a.items == nullptr) {
    const auto why = parsed.value ? std::string("the body is not a list") : parsed.problem;
    CheckResult r;
    r.evidence = api::exchange_evidence(a.exchange, label, expected, why);
    r.status = Status::fail;
    r.summary = fmt::format("{} answered 200 but {}", label, why);
    r.fix = "base_url must point at Basiq's API (https://au-api.basiq.io)";
    a.failed = std::move(r);
  }
  return a;
}

std::string string_at(const nlohmann::json& object, const char* name) {
  auto it = object.is_object() ? object.find(name) : object.end();
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace golive::checks::basiq
