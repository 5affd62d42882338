/// Agents and payments (seed-apis.md §2.5), cursor pagination (§2.7) and the tenant set-up.
#include <algorithm>
#include <regex>

#include "providers/blockchain0x/emulator/internal.hpp"

namespace golive::blockchain0x::emulator::detail {

namespace {

/// A recipient: 0x and 40 hex digits.
bool is_address(const std::string& s) {
  static const std::regex address("0x[0-9a-fA-F]{40}");
  return std::regex_match(s, address);
}

int read_limit(const httplib::Request& req) {
  if (!req.has_param("limit")) return 25;
  const std::string text = req.get_param_value("limit");
  if (!emukit::is_digits(text) || text.size() > 3) {
    throw ApiError(400, "request.invalid", "limit must be an integer from 1 to 100");
  }
  const int limit = std::stoi(text);
  if (limit < 1 || limit > 100) {
    throw ApiError(400, "request.invalid", "limit must be an integer from 1 to 100");
  }
  return limit;
}

}  // namespace

std::string require_string(const json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw ApiError(400, "request.invalid", field + " is required and must be a non-empty string");
  }
  return it->get<std::string>();
}

void not_found(const std::string& kind, const std::string& id) {
  throw ApiError(404, "resource.not_found", "No " + kind + " with id " + id);
}

Reply list_reply(const Call& call, const std::vector<json>& items) {
  const int limit = read_limit(call.req);
  const std::string sort =
      call.req.has_param("sort") ? call.req.get_param_value("sort") : "createdAt:desc";
  if (sort != "createdAt:desc" && sort != "createdAt:asc") {
    throw ApiError(400, "request.invalid", "sort must be createdAt:asc or createdAt:desc");
  }
  std::vector<json> ordered = items;
  if (sort == "createdAt:desc") std::reverse(ordered.begin(), ordered.end());
  // A cursor is "a_<id>" (the page after that item) or "b_<id>" (the page before it).
  size_t start = 0;
  size_t end = ordered.size();
  if (call.req.has_param("cursor")) {
    const std::string cursor = call.req.get_param_value("cursor");
    auto at = std::find_if(ordered.begin(), ordered.end(), [&](const json& j) {
      return cursor.size() > 2 && j["id"] == cursor.substr(2);
    });
    if (at == ordered.end() || (cursor[0] != 'a' && cursor[0] != 'b') || cursor[1] != '_') {
      throw ApiError(400, "request.invalid", "cursor is not one this list answered");
    }
    const auto pos = static_cast<size_t>(at - ordered.begin());
    if (cursor[0] == 'a') {
      start = pos + 1;
    } else {
      end = pos;
      start = end > static_cast<size_t>(limit) ? end - static_cast<size_t>(limit) : 0;
    }
  }
  end = std::min(end, start + static_cast<size_t>(limit));
  json data = json::array();
  for (size_t i = start; i < end; ++i) data.push_back(ordered[i]);
  json page{{"next", nullptr}, {"prev", nullptr}};
  if (end < ordered.size() && end > start)
    page["next"] = "a_" + ordered[end - 1]["id"].get<std::string>();
  if (start > 0 && start < ordered.size())
    page["prev"] = "b_" + ordered[start]["id"].get<std::string>();
  return Reply{200, json{{"data", std::move(data)}, {"page", std::move(page)}}};
}

void open_tenant(Tenant& tenant, const std::string& api_key, const std::string& network,
                 std::int64_t now) {
  tenant.api_key = api_key;
  tenant.network = network;
  tenant.agent = json{{"id", new_id("agt")},
                      {"name", "golive agent"},
                      {"network", network},
                      {"status", "deployed"},
                      {"walletAddress", "0x" + std::string(40, '0').replace(36, 4, "b0b0")},
                      {"createdAt", iso8601(now)}};
}

void add_payment_routes(Router& router) {
  router.add(Method::get, "/v1/agents", {.list = true},
             [](Call& call) { return list_reply(call, {call.tenant.agent}); });
  router.add(Method::get, "/v1/agents/([^/]+)", {}, [](Call& call) {
    if (call.tenant.agent["id"] != call.arg(1)) not_found("agent", call.arg(1));
    return Reply{200, call.tenant.agent};
  });
  router.add(Method::get, "/v1/payments", {.list = true},
             [](Call& call) { return list_reply(call, call.tenant.payments.all()); });
  router.add(Method::get, "/v1/payments/([^/]+)", {}, [](Call& call) {
    const json* p = call.tenant.payments.find(call.arg(1));
    if (p == nullptr) not_found("payment", call.arg(1));
    return Reply{200, *p};
  });
  router.add(Method::post, "/v1/payments",
             {.json_body = true, .idempotent = true, .key_required = true}, [](Call& call) {
               const std::string agent = require_string(call.body, "agentId");
               const std::string to = require_string(call.body, "to");
               const std::string amount = require_string(call.body, "amountWei");
               if (agent != call.tenant.agent["id"]) not_found("agent", agent);
               if (!is_address(to)) {
                 throw ApiError(400, "request.invalid", "to must be 0x followed by 40 hex digits");
               }
               if (!emukit::is_digits(amount) || amount.size() > 30 ||
                   amount.find_first_not_of('0') == std::string::npos) {
                 throw ApiError(400, "request.invalid",
                                "amountWei must be a positive integer string (USDC, 6 decimals)");
               }
               json payment{{"id", new_id("pay")},
                            {"agentId", agent},
                            {"to", to},
                            {"amountWei", amount},
                            {"network", call.tenant.network},
                            {"status", "completed"},
                            {"createdAt", iso8601(call.now)}};
               call.tenant.payments.add(payment);
               call.emit("payment.completed", payment);
               return Reply{201, payment};
             });
}

}  // namespace golive::blockchain0x::emulator::detail
