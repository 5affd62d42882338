/// GET /v1/assets and GET /v1/assets/{symbol}: a small fixed catalogue (README "Assets").
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "providers/bluum/emulator/internal.hpp"

namespace golive::bluum::emulator::detail {

namespace {

// Prices are the simulated last trade used for fills; they never move.
constexpr std::array<Asset, 14> k_catalog = {{
    {"AAPL", "Apple Inc.", "equity", "us", "XNAS", true, true, true, 18950},
    {"MSFT", "Microsoft Corporation", "equity", "us", "XNAS", true, true, true, 41525},
    {"GOOGL", "Alphabet Inc. Class A", "equity", "us", "XNAS", true, true, true, 17110},
    {"AMZN", "Amazon.com, Inc.", "equity", "us", "XNAS", true, true, true, 18675},
    {"NVDA", "NVIDIA Corporation", "equity", "us", "XNAS", true, true, true, 12045},
    {"TSLA", "Tesla, Inc.", "equity", "us", "XNAS", true, true, true, 24890},
    {"JPM", "JPMorgan Chase & Co.", "equity", "us", "XNYS", true, true, true, 20130},
    {"SPY", "SPDR S&P 500 ETF Trust", "equity", "us", "ARCX", true, true, true, 58210},
    {"VTI", "Vanguard Total Stock Market ETF", "equity", "us", "ARCX", true, true, true, 27010},
    {"SHOP", "Shopify Inc.", "equity", "ca", "XNYS", true, true, false, 7820},
    {"HLTD", "Halted Holdings Corp.", "equity", "us", "XNAS", true, false, false, 1000},
    {"OLDCO", "Delisted Old Company", "equity", "us", "OTC", false, false, false, 12},
    {"BTC/USD", "Bitcoin", "crypto", "", "CRYPTO", true, true, true, 6543210},
    {"ETH/USD", "Ethereum", "crypto", "", "CRYPTO", true, true, true, 345067},
}};

struct Market {
  const char* mic;
  const char* name;
  const char* country;
  const char* currency;
};
constexpr std::array<Market, 5> k_markets = {{
    {"XNAS", "Nasdaq", "US", "USD"},
    {"XNYS", "New York Stock Exchange", "US", "USD"},
    {"ARCX", "NYSE Arca", "US", "USD"},
    {"OTC", "OTC Markets", "US", "USD"},
    {"CRYPTO", "Bluum Crypto", "", "USD"},
}};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Stable UUID-shaped id per symbol (the asset id format is not documented).
std::string asset_id(const Asset& a) {
  unsigned long h = 1469598103934665603UL;
  for (const char* p = a.symbol; *p != '\0'; ++p)
    h = (h ^ static_cast<unsigned char>(*p)) * 1099511628211UL;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08lx-%04lx-4%03lx-a%03lx-%012lx", (h >> 32) & 0xffffffffUL,
                (h >> 16) & 0xffffUL, h & 0xfffUL, (h >> 20) & 0xfffUL, h & 0xffffffffffffUL);
  return buf;
}

/// A boolean query parameter: "true" or "false", else 400 BLUM-400-004.
std::optional<bool> bool_param(const httplib::Request& req, const std::string& name) {
  if (!req.has_param(name)) return std::nullopt;
  const std::string v = lower(req.get_param_value(name));
  require_enum(v, name, {"true", "false"});
  return v == "true";
}

/// A filter value checked against its allowed set; nullopt when absent.
std::optional<std::string> enum_param(const httplib::Request& req, const std::string& name,
                                      const std::vector<std::string>& allowed) {
  if (!req.has_param(name)) return std::nullopt;
  std::string v = lower(req.get_param_value(name));
  require_enum(v, name, allowed);
  return v;
}

Reply list_assets(Call& call) {
  const auto& req = call.req;
  auto cls = enum_param(req, "class", {"equity", "crypto"});
  auto legacy_cls = enum_param(req, "asset_class", {"us_equity", "crypto"});
  auto status = enum_param(req, "status", {"active", "inactive"});
  auto tradable = bool_param(req, "tradable");
  std::optional<std::string> country;
  if (req.has_param("country")) {
    country = lower(req.get_param_value("country"));
    if (country->size() != 2 || !std::isalpha(static_cast<unsigned char>((*country)[0])) ||
        !std::isalpha(static_cast<unsigned char>((*country)[1]))) {
      throw ApiError(400, "BLUM-400-003", "country must be an ISO 3166-1 alpha-2 code", "country");
    }
  }
  std::optional<std::string> market;
  if (req.has_param("market")) market = upper(req.get_param_value("market"));
  std::vector<std::string> symbols;
  if (req.has_param("symbols")) {
    std::string all = upper(req.get_param_value("symbols"));
    for (size_t pos = 0; pos <= all.size();) {
      size_t comma = std::min(all.find(',', pos), all.size());
      if (comma > pos) symbols.push_back(all.substr(pos, comma - pos));
      pos = comma + 1;
    }
  }

  std::vector<json> items;
  for (const Asset& a : k_catalog) {
    const std::string a_cls = a.asset_class;
    if (cls && *cls != a_cls) continue;
    if (legacy_cls && *legacy_cls != (a_cls == "equity" ? "us_equity" : "crypto")) continue;
    if (status && *status != (a.active ? "active" : "inactive")) continue;
    if (tradable && *tradable != a.tradable) continue;
    if (country && *country != a.country) continue;
    if (market && *market != a.market) continue;
    if (!symbols.empty() && std::none_of(symbols.begin(), symbols.end(), [&](const std::string& s) {
          return find_asset(s) == &a;
        })) {
      continue;
    }
    items.push_back(asset_json(a));
  }
  return list_reply(call, items);
}

}  // namespace

const Asset* find_asset(std::string_view symbol) {
  std::string wanted = upper(std::string(symbol));
  for (const Asset& a : k_catalog) {
    std::string s = a.symbol;
    std::string compact = s;
    compact.erase(std::remove(compact.begin(), compact.end(), '/'), compact.end());
    if (wanted == s || wanted == compact) return &a;
  }
  return nullptr;
}

json asset_json(const Asset& a) {
  const Market* m = &k_markets[0];
  for (const Market& candidate : k_markets) {
    if (std::string(candidate.mic) == a.market) m = &candidate;
  }
  const bool crypto = std::string(a.asset_class) == "crypto";
  return json{{"id", asset_id(a)},
              {"object", "asset"},
              {"symbol", a.symbol},
              {"name", a.name},
              {"class", a.asset_class},
              {"asset_class", crypto ? "crypto" : "us_equity"},
              {"country", crypto ? json(nullptr) : json(a.country)},
              {"market", a.market},
              {"market_name", m->name},
              {"market_country", m->country},
              {"market_currency", m->currency},
              {"currency", "USD"},
              {"status", a.active ? "active" : "inactive"},
              {"tradable", a.tradable},
              {"fractionable", a.fractionable},
              {"fractional_eh_enabled", a.fractionable && !crypto},
              {"marginable", !crypto && a.tradable},
              {"shortable", !crypto && a.tradable},
              {"easy_to_borrow", !crypto && a.tradable},
              {"last_price", format_fixed(a.price_cents, 2)}};
}

void add_asset_routes(Router& router) {
  router.add(Method::get, "/v1/assets", {.list = true}, list_assets);
  router.add(Method::get, "/v1/assets/(.+)", {}, [](Call& call) {
    const Asset* a = find_asset(call.arg(1));
    if (a == nullptr) {
      throw ApiError(404, "BLUM-404-003", "No such asset: " + call.arg(1), "symbol");
    }
    return Reply{200, asset_json(*a)};
  });
}

}  // namespace golive::bluum::emulator::detail
