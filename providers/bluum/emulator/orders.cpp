/// Orders (`ord_`, SEED §1.11) and positions (`pos_`) under /v1/investors/{inv_id}.
/// Market orders fill at once at the catalogue price; marketable limits too; others stay open.
#include <cmath>

#include "providers/bluum/emulator/state.hpp"

namespace golive::bluum::emulator::detail {

namespace {

constexpr std::int64_t k_micro = 1'000'000;                 // quantities are in millionths
constexpr std::int64_t k_max_quantity = 100'000 * k_micro;  // keeps cost arithmetic in int64

std::int64_t require_price(const json& body, const std::string& field) {
  const std::string raw = require_string(body, field);
  auto cents = parse_fixed(raw, 2);
  if (!cents || *cents <= 0) {
    throw ApiError(400, "BLUM-400-005",
                   field + " must be a positive decimal string, e.g. \"150.00\"", field);
  }
  return *cents;
}

json position_json(const Call& call, const std::string& inv_id, const std::string& symbol,
                   const Position& p) {
  const Asset* a = find_asset(symbol);
  const auto value = static_cast<std::int64_t>(
      std::llround(static_cast<long double>(p.quantity_micro) * a->price_cents / k_micro));
  const auto avg = static_cast<std::int64_t>(
      std::llround(static_cast<long double>(p.cost_cents) * k_micro / p.quantity_micro));
  return json{{"id", p.id},
              {"object", "position"},
              {"created", p.created},
              {"livemode", call.livemode()},
              {"metadata", json::object()},
              {"investor_id", inv_id},
              {"symbol", symbol},
              {"asset_class", a->asset_class},
              {"side", "long"},
              {"quantity", format_trimmed(p.quantity_micro, 6)},
              {"avg_entry_price", format_fixed(avg, 2)},
              {"cost_basis", format_fixed(p.cost_cents, 2)},
              {"current_price", format_fixed(a->price_cents, 2)},
              {"market_value", format_fixed(value, 2)},
              {"unrealized_pl", format_fixed(value - p.cost_cents, 2)}};
}

/// Parsed and checked order request.
struct OrderRequest {
  const Asset* asset = nullptr;
  std::string side, type, tif, client_order_id;
  std::int64_t quantity_micro = 0;  ///< 0 for a notional order
  std::int64_t notional_cents = 0;
  std::int64_t limit_cents = 0;
};

OrderRequest parse_order(Call& call) {
  const json& body = call.body;
  OrderRequest o;
  const std::string symbol = require_string(body, "symbol");
  o.asset = find_asset(symbol);
  if (o.asset == nullptr) throw ApiError(404, "BLUM-404-003", "No such asset: " + symbol, "symbol");
  o.side = require_string(body, "side");
  require_enum(o.side, "side", {"buy", "sell"});
  o.type = optional_string(body, "type", "market");
  require_enum(o.type, "type", {"market", "limit", "stop", "stop_limit", "trailing_stop"});
  o.tif = optional_string(body, "time_in_force", "day");
  require_enum(o.tif, "time_in_force", {"day", "gtc", "opg", "cls", "ioc", "fok"});
  const std::string qty = optional_string(body, "quantity");
  const std::string notional = optional_string(body, "notional");
  if (!qty.empty() && !notional.empty()) {
    throw ApiError(400, "BLUM-400-001", "Give quantity or notional, not both", "notional");
  }
  if (qty.empty() && notional.empty()) {
    throw ApiError(400, "BLUM-400-002", "Missing required field: quantity (or notional)",
                   "quantity");
  }
  if (!notional.empty()) {
    if (o.type != "market" || o.side != "buy") {
      throw ApiError(400, "BLUM-400-001", "notional is for market buy orders only", "notional");
    }
    o.notional_cents = require_amount(body, "notional");
  } else {
    auto q = parse_fixed(qty, 6);
    if (!q || *q <= 0 || *q > k_max_quantity) {
      throw ApiError(400, "BLUM-400-006",
                     "quantity must be a decimal string > 0 and <= 100000, at most 6 decimals",
                     "quantity");
    }
    o.quantity_micro = *q;
  }
  if (!o.asset->fractionable && (o.notional_cents > 0 || o.quantity_micro % k_micro != 0)) {
    throw ApiError(400, "BLUM-400-006", symbol + " is not fractionable: use a whole quantity",
                   o.notional_cents > 0 ? "notional" : "quantity");
  }
  if (o.type == "limit" || o.type == "stop_limit")
    o.limit_cents = require_price(body, "limit_price");
  if (o.type == "stop" || o.type == "stop_limit") require_price(body, "stop_price");
  if (o.type == "trailing_stop" && optional_string(body, "trail_price").empty() &&
      optional_string(body, "trail_percent").empty()) {
    throw ApiError(400, "BLUM-400-002", "trailing_stop needs trail_price or trail_percent",
                   "trail_price");
  }
  if (body.contains("extended_hours") && !body["extended_hours"].is_boolean()) {
    throw ApiError(400, "BLUM-400-003", "extended_hours must be a boolean", "extended_hours");
  }
  o.client_order_id = optional_string(body, "client_order_id");
  if (!o.asset->active || !o.asset->tradable) {
    throw ApiError(422, "BLUM-422-003", symbol + " is not tradable", "symbol");
  }
  return o;
}

Reply create_order(Call& call) {
  const json& inv = require_investor(call.tenant, call.arg(1));
  const std::string inv_id = call.arg(1);
  OrderRequest o = parse_order(call);
  if (inv["status"] != "active") {
    throw ApiError(403, "BLUM-403-002", "Investor is not approved (KYC)", "investor_id");
  }
  if (!o.client_order_id.empty() &&
      !call.tenant.orders.where("client_order_id", o.client_order_id).empty()) {
    throw ApiError(409, "BLUM-409-001", "An order with this client_order_id exists",
                   "client_order_id");
  }
  const std::int64_t price = o.asset->price_cents;
  const bool marketable =
      o.type == "market" ||
      (o.type == "limit" && (o.side == "buy" ? o.limit_cents >= price : o.limit_cents <= price));
  std::int64_t qty = o.quantity_micro;
  std::int64_t cost = o.notional_cents;
  if (qty == 0) qty = o.notional_cents * k_micro / price;
  if (cost == 0)
    cost = static_cast<std::int64_t>(std::llround(static_cast<long double>(qty) * price / k_micro));
  std::int64_t& cash = call.tenant.cash_cents[inv_id];
  auto& holdings = call.tenant.positions[inv_id];
  if (o.side == "buy") {
    const std::int64_t needed =
        marketable ? cost
                   : static_cast<std::int64_t>(std::llround(
                         static_cast<long double>(qty) * std::max(o.limit_cents, price) / k_micro));
    if (cash < needed) {
      throw ApiError(422, "BLUM-422-001",
                     "Insufficient funds: buying power is " + format_fixed(cash, 2),
                     o.notional_cents > 0 ? "notional" : "quantity");
    }
  } else if (auto held = holdings.find(o.asset->symbol);
             held == holdings.end() || held->second.quantity_micro < qty) {
    throw ApiError(422, "BLUM-422-004", "Position insufficient for this sell", "quantity");
  }

  json order = call.new_resource("ord", "order");
  order.update(json{
      {"investor_id", inv_id},
      {"client_order_id", string_or_null(o.client_order_id)},
      {"symbol", o.asset->symbol},
      {"asset_class", o.asset->asset_class},
      {"side", o.side},
      {"type", o.type},
      {"time_in_force", o.tif},
      {"quantity", o.quantity_micro ? json(format_trimmed(o.quantity_micro, 6)) : json(nullptr)},
      {"notional", o.notional_cents ? json(format_fixed(o.notional_cents, 2)) : json(nullptr)},
      {"extended_hours", call.body.value("extended_hours", false)},
      {"submitted_at", iso8601(call.now)},
      {"status", "open"},
      {"filled_quantity", "0"},
      {"filled_avg_price", nullptr},
      {"filled_at", nullptr}});
  for (const char* f : {"limit_price", "stop_price", "trail_price", "trail_percent"}) {
    order[f] = call.body.contains(f) ? call.body[f] : json(nullptr);
  }
  if (marketable) {
    order["status"] = "filled";
    order["filled_quantity"] = format_trimmed(qty, 6);
    order["filled_avg_price"] = format_fixed(price, 2);
    order["filled_at"] = iso8601(call.now);
    Position& p = holdings[o.asset->symbol];
    if (p.id.empty()) {
      p.id = new_id("pos");
      p.created = call.now;
    }
    if (o.side == "buy") {
      cash -= cost;
      p.quantity_micro += qty;
      p.cost_cents += cost;
    } else {
      cash += cost;
      p.cost_cents -= static_cast<std::int64_t>(
          std::llround(static_cast<long double>(p.cost_cents) * qty / p.quantity_micro));
      p.quantity_micro -= qty;
      if (p.quantity_micro == 0) holdings.erase(o.asset->symbol);
    }
  }
  json& stored = call.tenant.orders.add(order);
  call.emit("order.accepted", stored);
  if (marketable) call.emit("order.filled", stored);
  return Reply{201, stored};
}

json& find_order(Call& call) {
  require_investor(call.tenant, call.arg(1));
  check_id(call.arg(2), "ord", "order_id");
  json* o = call.tenant.orders.find(call.arg(2));
  if (o == nullptr || (*o)["investor_id"] != call.arg(1)) not_found("order", call.arg(2));
  return *o;
}

bool is_open(const json& order) {
  const std::string s = order["status"].get<std::string>();
  return s == "open" || s == "pending" || s == "partial";
}

}  // namespace

void add_order_routes(Router& router) {
  router.add(Method::post, "/v1/investors/([^/]+)/orders", {.json_body = true, .idempotent = true},
             create_order);
  router.add(Method::get, "/v1/investors/([^/]+)/orders", {.list = true}, [](Call& call) {
    require_investor(call.tenant, call.arg(1));
    auto items = call.tenant.orders.where("investor_id", call.arg(1));
    const std::string status = call.req.get_param_value("status");
    // status=open means every non-terminal order (SEED §1.11).
    if (status == "open") std::erase_if(items, [](const json& o) { return !is_open(o); });
    if (!status.empty() && status != "open" && status != "all") {
      std::erase_if(items, [&](const json& o) { return o["status"] != status; });
    }
    return list_reply(call, items);
  });
  router.add(Method::get, "/v1/investors/([^/]+)/orders/([^/]+)", {}, [](Call& call) {
    return Reply{200, find_order(call)};
  });
  router.add(Method::post, "/v1/investors/([^/]+)/orders/([^/]+)/cancel", {}, [](Call& call) {
    json& o = find_order(call);
    if (!is_open(o)) {
      throw ApiError(409, "BLUM-409-003",
                     "Order is " + o["status"].get<std::string>() + " and cannot be cancelled");
    }
    o["status"] = "cancelled";
    o["cancelled_at"] = iso8601(call.now);
    call.emit("order.canceled", o);
    return Reply{200, o};
  });
  router.add(Method::get, "/v1/investors/([^/]+)/positions", {.list = true}, [](Call& call) {
    require_investor(call.tenant, call.arg(1));
    std::vector<json> items;
    for (const auto& [symbol, p] : call.tenant.positions[call.arg(1)]) {
      items.push_back(position_json(call, call.arg(1), symbol, p));
    }
    return list_reply(call, items);
  });
  router.add(Method::get, "/v1/investors/([^/]+)/positions/(.+)", {}, [](Call& call) {
    require_investor(call.tenant, call.arg(1));
    const Asset* a = find_asset(call.arg(2));
    if (a == nullptr)
      throw ApiError(404, "BLUM-404-003", "No such asset: " + call.arg(2), "symbol");
    auto& holdings = call.tenant.positions[call.arg(1)];
    auto it = holdings.find(a->symbol);
    if (it == holdings.end()) not_found("position", a->symbol);
    return Reply{200, position_json(call, call.arg(1), a->symbol, it->second)};
  });
}

}  // namespace golive::bluum::emulator::detail
