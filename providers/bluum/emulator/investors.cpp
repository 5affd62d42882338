/// Investors (KYC auto-approved, SEED §1.9) and their funding sources (`fs_`).
#include <regex>

#include "providers/bluum/emulator/state.hpp"

namespace golive::bluum::emulator::detail {

namespace {

void check_format(const json& body, const std::string& field, const std::regex& pattern,
                  const std::string& what) {
  const std::string value = optional_string(body, field);
  if (!value.empty() && !std::regex_match(value, pattern)) {
    throw ApiError(400, "BLUM-400-003", field + " must be " + what, field);
  }
}

/// Agreement names from `signed_agreements`: strings or objects with a "type".
std::vector<std::string> agreement_names(const json& agreements) {
  if (!agreements.is_array()) {
    throw ApiError(400, "BLUM-400-003", "signed_agreements must be an array", "signed_agreements");
  }
  std::vector<std::string> names;
  for (const json& a : agreements) {
    if (a.is_string()) names.push_back(a.get<std::string>());
    if (a.is_object() && a.contains("type") && a["type"].is_string()) {
      names.push_back(a["type"].get<std::string>());
    }
  }
  return names;
}

void validate_investor(const json& body) {
  require_enum(optional_string(body, "type", "individual"), "type",
               {"individual", "joint", "corporate"});
  require_string(body, "first_name");
  require_string(body, "last_name");
  const std::string email = require_string(body, "email");
  if (!std::regex_match(email, std::regex(R"([^@\s]+@[^@\s]+\.[^@\s]+)"))) {
    throw ApiError(400, "BLUM-400-003", "email must be an email address", "email");
  }
  check_format(body, "date_of_birth", std::regex(R"(\d{4}-\d{2}-\d{2})"),
               "an ISO 8601 date (YYYY-MM-DD)");
  check_format(body, "phone_number", std::regex(R"(\+[1-9]\d{6,14})"), "E.164, e.g. +14155550100");
  const std::regex alpha2("[A-Z]{2}");
  check_format(body, "country_of_citizenship", alpha2, "an ISO 3166-1 alpha-2 code");
  check_format(body, "country_of_tax_residence", alpha2, "an ISO 3166-1 alpha-2 code");
  const std::string tax_id_type = optional_string(body, "tax_id_type");
  if (!tax_id_type.empty()) {
    require_enum(tax_id_type, "tax_id_type", {"SSN", "ITIN", "EIN", "FOREIGN_TAX_ID"});
  }
  optional_string(body, "tax_id");
  if (body.contains("address") && !body["address"].is_object()) {
    throw ApiError(400, "BLUM-400-003", "address must be an object", "address");
  }
  if (body.contains("signed_agreements")) {
    std::vector<std::string> required = {"investor_agreement", "margin_disclosure_acknowledged"};
    const std::string residence = optional_string(body, "country_of_tax_residence");
    if (!residence.empty() && residence != "US") required.push_back("w8ben_certification");
    const auto names = agreement_names(body["signed_agreements"]);
    for (const auto& r : required) {
      if (std::find(names.begin(), names.end(), r) == names.end()) {
        throw ApiError(400, "BLUM-400-001", "signed_agreements must include " + r,
                       "signed_agreements");
      }
    }
  }
}

/// The stored investor plus its current balances.
json with_balances(const Tenant& t, json investor) {
  auto it = t.cash_cents.find(investor["id"].get<std::string>());
  const std::int64_t cash = it == t.cash_cents.end() ? 0 : it->second;
  investor["balances"] = {{"cash", format_fixed(cash, 2)},
                          {"buying_power", format_fixed(cash, 2)},
                          {"currency", "USD"}};
  return investor;
}

Reply create_investor(Call& call) {
  const json& body = call.body;
  validate_investor(body);
  json inv = call.new_resource("inv", "investor");
  for (const char* field : {"first_name", "last_name", "email", "phone_number", "date_of_birth",
                            "country_of_citizenship", "country_of_tax_residence", "tax_id_type",
                            "address", "signed_agreements", "trusted_contact"}) {
    if (body.contains(field)) inv[field] = body[field];
  }
  inv["type"] = optional_string(body, "type", "individual");
  const std::string tax_id = optional_string(body, "tax_id");
  if (!tax_id.empty())
    inv["tax_id_last4"] = tax_id.substr(tax_id.size() - std::min<size_t>(4, tax_id.size()));
  // Sandbox KYC auto-approves (SEED §1.9); an email "...+reject@..." simulates a rejection.
  const std::string email = body["email"].get<std::string>();
  const bool reject = email.find("+reject@") != std::string::npos;
  inv["status"] = reject ? "rejected" : "active";
  inv["kyc"] = {{"status", reject ? "rejected" : "approved"},
                {"workflow_status", reject ? "REJECTED" : "APPROVED"},
                {"reviewed_at", iso8601(call.now)}};
  json& stored = call.tenant.investors.add(inv);
  call.tenant.cash_cents[inv["id"].get<std::string>()] = 0;
  json out = with_balances(call.tenant, stored);
  call.emit("account.created", out);
  call.emit(reject ? "kyc.verification.rejected" : "kyc.verification.approved", out);
  return Reply{201, out};
}

Reply create_funding_source(Call& call) {
  json& inv = require_investor(call.tenant, call.arg(1));
  const json& body = call.body;
  const std::string type = optional_string(body, "type", "ach");
  require_enum(type, "type", {"ach", "plaid"});
  if (inv["status"] != "active") {
    throw ApiError(403, "BLUM-403-002", "Investor is not approved (KYC)", "investor_id");
  }
  json fs = call.new_resource("fs", "funding_source");
  fs["investor_id"] = inv["id"];
  fs["type"] = type;
  if (type == "ach") {
    const std::string routing = require_string(body, "routing_number");
    const std::string account = require_string(body, "account_number");
    if (!std::regex_match(routing, std::regex(R"(\d{9})"))) {
      throw ApiError(400, "BLUM-400-003", "routing_number must be 9 digits", "routing_number");
    }
    if (!std::regex_match(account, std::regex(R"(\d{4,17})"))) {
      throw ApiError(400, "BLUM-400-003", "account_number must be 4 to 17 digits",
                     "account_number");
    }
    const std::string account_type = optional_string(body, "account_type", "checking");
    require_enum(account_type, "account_type", {"checking", "savings"});
    fs["routing_number"] = routing;
    fs["account_last4"] = account.substr(account.size() - 4);
    fs["account_type"] = account_type;
    fs["bank_name"] = optional_string(body, "bank_name", "First Platypus Bank");
  } else {
    require_string(body, "public_token");
    fs["account_last4"] = "0000";
    fs["account_type"] = "checking";
    fs["bank_name"] = "First Platypus Bank";
  }
  fs["account_holder_name"] = optional_string(
      body, "account_holder_name",
      inv["first_name"].get<std::string>() + " " + inv["last_name"].get<std::string>());
  fs["status"] = "verified";
  return Reply{201, call.tenant.funding_sources.add(fs)};
}

}  // namespace

void add_investor_routes(Router& router) {
  const RouteFlags write{.json_body = true, .idempotent = true};
  router.add(Method::post, "/v1/investors", write, create_investor);
  router.add(Method::get, "/v1/investors", {.list = true}, [](Call& call) {
    std::vector<json> items;
    for (const json& inv : call.tenant.investors.all())
      items.push_back(with_balances(call.tenant, inv));
    return list_reply(call, items);
  });
  router.add(Method::get, "/v1/investors/([^/]+)", {}, [](Call& call) {
    return Reply{200, with_balances(call.tenant, require_investor(call.tenant, call.arg(1)))};
  });
  router.add(Method::post, "/v1/investors/([^/]+)/funding-sources", write, create_funding_source);
  router.add(Method::get, "/v1/investors/([^/]+)/funding-sources", {.list = true}, [](Call& call) {
    require_investor(call.tenant, call.arg(1));
    return list_reply(call, call.tenant.funding_sources.where("investor_id", call.arg(1)));
  });
  router.add(Method::get, "/v1/investors/([^/]+)/funding-sources/([^/]+)", {}, [](Call& call) {
    require_investor(call.tenant, call.arg(1));
    check_id(call.arg(2), "fs", "funding_source_id");
    json* fs = call.tenant.funding_sources.find(call.arg(2));
    if (fs == nullptr || (*fs)["investor_id"] != call.arg(1))
      not_found("funding source", call.arg(2));
    return Reply{200, *fs};
  });
}

}  // namespace golive::bluum::emulator::detail
