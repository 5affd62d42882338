/// Deposits (`dep_`) and withdrawals (`wd_`) under /v1/investors/{inv_id} (SEED §1.10).
/// Both require an Idempotency-Key; the middleware replays or rejects repeats (SEED §1.7).
#include <algorithm>
#include <cctype>

#include "providers/bluum/emulator/state.hpp"

namespace golive::bluum::emulator::detail {

namespace {

constexpr std::int64_t k_withdrawal_limit_cents = 5'000'000;  // 50,000.00 per withdrawal

/// The funding source named by the body's `funding_source_id`, which must belong to `inv_id`.
const json& require_funding_source(Tenant& t, const std::string& fs_id, const std::string& inv_id) {
  check_id(fs_id, "fs", "funding_source_id");
  const json* fs = t.funding_sources.find(fs_id);
  if (fs == nullptr || (*fs)["investor_id"] != inv_id) {
    throw ApiError(404, "BLUM-404-001", "No such funding source: " + fs_id, "funding_source_id");
  }
  return *fs;
}

void require_active(const json& inv) {
  if (inv["status"] != "active") {
    throw ApiError(403, "BLUM-403-002", "Investor is not approved (KYC)", "investor_id");
  }
}

std::string require_usd(const json& body) {
  const std::string currency = optional_string(body, "currency", "USD");
  require_enum(currency, "currency", {"USD"});
  return currency;
}

Reply create_deposit(Call& call) {
  const json& inv = require_investor(call.tenant, call.arg(1));
  const std::string inv_id = call.arg(1);
  const json& body = call.body;
  const std::int64_t cents = require_amount(body, "amount");
  const std::string currency = require_usd(body);
  const std::string method = optional_string(body, "method", "ach");
  require_enum(method, "method", {"ach", "manual_bank_transfer"});
  const std::string fs_id = optional_string(body, "funding_source_id");
  if (method == "ach" && fs_id.empty()) {
    throw ApiError(400, "BLUM-400-002", "Missing required field: funding_source_id",
                   "funding_source_id");
  }
  if (!fs_id.empty()) require_funding_source(call.tenant, fs_id, inv_id);
  require_active(inv);

  json dep = call.new_resource("dep", "deposit");
  dep["investor_id"] = inv_id;
  dep["amount"] = format_fixed(cents, 2);
  dep["currency"] = currency;
  dep["method"] = method;
  dep["funding_source_id"] = string_or_null(fs_id);
  dep["description"] = string_or_null(optional_string(body, "description"));
  if (method == "ach") {
    // Sandbox ACH settles within seconds (SEED §1.10); the emulator settles at once.
    dep["status"] = "completed";
    dep["completed_at"] = iso8601(call.now);
    call.tenant.cash_cents[inv_id] += cents;
  } else {
    // Manual transfers wait for the partner's bank transfer; the emulator never receives one.
    std::string ref = random_base32(8);
    std::transform(ref.begin(), ref.end(), ref.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    dep["status"] = "pending";
    dep["method_details"] = {{"referenceCode", "BLUUM-" + ref},
                             {"bank_name", "Bluum Custody Bank (emulated)"},
                             {"account_number", "000123456789"},
                             {"routing_number", "021000021"},
                             {"expires_at", iso8601(call.now + 7 * 24 * 3600)}};
  }
  json& stored = call.tenant.deposits.add(dep);
  call.emit("transfer.deposit.initiated", stored);
  if (method == "ach") call.emit("transfer.deposit.completed", stored);
  return Reply{201, stored};
}

Reply create_withdrawal(Call& call) {
  const json& inv = require_investor(call.tenant, call.arg(1));
  const std::string inv_id = call.arg(1);
  const json& body = call.body;
  const std::int64_t cents = require_amount(body, "amount");
  const std::string currency = require_usd(body);
  require_enum(optional_string(body, "method", "ach"), "method", {"ach"});
  const std::string fs_id = require_string(body, "funding_source_id");
  require_funding_source(call.tenant, fs_id, inv_id);
  require_active(inv);
  if (cents > k_withdrawal_limit_cents) {
    throw ApiError(422, "BLUM-422-005", "Withdrawal limit exceeded (50000.00 per withdrawal)",
                   "amount");
  }
  std::int64_t& cash = call.tenant.cash_cents[inv_id];
  if (cash < cents) {
    throw ApiError(422, "BLUM-422-001",
                   "Insufficient funds: available cash is " + format_fixed(cash, 2), "amount");
  }
  json wd = call.new_resource("wd", "withdrawal");
  wd["investor_id"] = inv_id;
  wd["amount"] = format_fixed(cents, 2);
  wd["currency"] = currency;
  wd["method"] = "ach";
  wd["funding_source_id"] = fs_id;
  wd["description"] = string_or_null(optional_string(body, "description"));
  // Cash is reserved at once; the withdrawal stays pending (cancellable) in the emulator.
  wd["status"] = "pending";
  cash -= cents;
  json& stored = call.tenant.withdrawals.add(wd);
  call.emit("transfer.withdrawal.initiated", stored);
  return Reply{201, stored};
}

/// GET list / GET one / POST cancel for one transfer kind.
void add_transfer_kind(Router& router, const std::string& segment, const std::string& prefix,
                       const std::string& kind, Collection Tenant::*collection) {
  const std::string base = "/v1/investors/([^/]+)/" + segment;
  router.add(Method::get, base, {.list = true}, [collection](Call& call) {
    require_investor(call.tenant, call.arg(1));
    std::vector<json> items = (call.tenant.*collection).where("investor_id", call.arg(1));
    if (call.req.has_param("status")) {
      const std::string status = call.req.get_param_value("status");
      std::erase_if(items, [&](const json& t) { return t["status"] != status; });
    }
    return list_reply(call, items);
  });
  auto find = [collection, prefix, kind](Call& call) -> json& {
    require_investor(call.tenant, call.arg(1));
    check_id(call.arg(2), prefix, kind + "_id");
    json* t = (call.tenant.*collection).find(call.arg(2));
    if (t == nullptr || (*t)["investor_id"] != call.arg(1)) not_found(kind, call.arg(2));
    return *t;
  };
  router.add(Method::get, base + "/([^/]+)", {}, [find](Call& call) {
    return Reply{200, find(call)};
  });
  router.add(Method::post, base + "/([^/]+)/cancel", {}, [find, kind](Call& call) {
    json& t = find(call);
    if (t["status"] != "pending") {
      throw ApiError(409, "BLUM-409-003",
                     "Only a pending " + kind + " can be canceled; this one is " +
                         t["status"].get<std::string>());
    }
    t["status"] = "canceled";
    t["canceled_at"] = iso8601(call.now);
    if (kind == "withdrawal") {
      call.tenant.cash_cents[call.arg(1)] += *parse_fixed(t["amount"].get<std::string>(), 2);
    }
    return Reply{200, t};
  });
}

}  // namespace

void add_transfer_routes(Router& router) {
  const RouteFlags money{.json_body = true, .idempotent = true, .key_required = true};
  router.add(Method::post, "/v1/investors/([^/]+)/deposits", money, create_deposit);
  router.add(Method::post, "/v1/investors/([^/]+)/withdrawals", money, create_withdrawal);
  add_transfer_kind(router, "deposits", "dep", "deposit", &Tenant::deposits);
  add_transfer_kind(router, "withdrawals", "wd", "withdrawal", &Tenant::withdrawals);
}

}  // namespace golive::bluum::emulator::detail
