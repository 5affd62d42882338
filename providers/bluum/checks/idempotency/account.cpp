#include "providers/bluum/checks/idempotency/account.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "checks/api/api_http.hpp"

namespace golive::checks::rehearsal {

namespace {

/// A sandbox investor that passes the documented KYC fields (SEED §1.9). Only the scope and the
/// check vary, so the same rehearsal id sends the same body (a replay, not a conflict).
json investor_body(const Session& s) {
  return json{{"type", "individual"},
              {"first_name", "Golive"},
              {"last_name", "Rehearsal"},
              {"email", fmt::format("golive+{}.{}@example.com", s.check_id(), s.scope())},
              {"date_of_birth", "1990-01-01"},
              {"phone_number", "+14155550100"},
              {"country_of_citizenship", "US"},
              {"country_of_tax_residence", "US"},
              {"tax_id_type", "SSN"},
              {"tax_id", "123456789"},
              {"address",
               {{"line1", "1 Rehearsal Way"},
                {"city", "San Francisco"},
                {"state", "CA"},
                {"postal_code", "94105"},
                {"country", "US"}}},
              {"signed_agreements", {"investor_agreement", "margin_disclosure_acknowledged"}}};
}

/// A sandbox ACH bank account (the documented test routing number of a US bank).
json funding_source_body() {
  return json{{"type", "ach"},
              {"routing_number", "021000021"},
              {"account_number", "000123456789"},
              {"account_type", "checking"},
              {"account_holder_name", "Golive Rehearsal"}};
}

/// Sends one create step; on anything but 2xx with an id, sets `failure`.
std::optional<Reply> create(Session& s, const std::string& path, const json& body,
                            const std::string& step, const std::string& label,
                            CheckResult& failure) {
  const auto key = s.key(step);
  auto reply = s.post(path, body, key);
  const std::string expected = "2xx with an id (Idempotency-Key " + key + ")";
  if (!reply.ok() || reply.field("id").empty()) {
    failure = s.unexpected(reply, label, expected);
    return std::nullopt;
  }
  s.record(reply, label, expected);
  return reply;
}

}  // namespace

CheckInfo rehearsal_info(std::string id, std::string title, std::vector<std::string> items,
                         std::string what, std::string why, std::string fix, std::string doc) {
  CheckInfo i;
  i.id = std::move(id);
  i.title = std::move(title);
  i.checklist_items = std::move(items);
  i.side_effect = SideEffect::sandbox_write;
  i.blocking = true;
  i.environments = {EnvKind::sandbox};
  i.what = std::move(what);
  i.why = std::move(why);
  i.how_to_fix = std::move(fix);
  i.doc = std::move(doc);
  i.providers = {"bluum"};
  return i;
}

std::string read_deposit_method(CheckOptions& options) {
  auto method = options.get_string("method", "manual_bank_transfer");
  if (method != "manual_bank_transfer" && method != "ach") {
    options.error("method", "must be manual_bank_transfer or ach");
  }
  return method;
}

json deposit_body(const Account& account, long long cents, const std::string& method) {
  json body{{"amount", format_cents(cents)},
            {"currency", "USD"},
            {"method", method},
            {"description", "bluum-golive rehearsal"}};
  if (method == "ach") body["funding_source_id"] = account.funding_source_id;
  return body;
}

json withdrawal_body(const Account& account, long long cents) {
  return json{{"amount", format_cents(cents)},
              {"currency", "USD"},
              {"method", "ach"},
              {"funding_source_id", account.funding_source_id},
              {"description", "bluum-golive rehearsal"}};
}

std::string investor_path(const Account& account) {
  return "/investors/" + account.investor_id;
}

std::optional<Account> open_account(Session& s, bool funding_source, CheckResult& failure) {
  auto inv = create(s, "/investors", investor_body(s), "investor", "POST /investors", failure);
  if (!inv) return std::nullopt;
  Account a{inv->field("id"), "", inv->field("status")};
  if (funding_source && !add_funding_source(s, a, failure)) return std::nullopt;
  return a;
}

bool add_funding_source(Session& s, Account& account, CheckResult& failure) {
  auto fs = create(s, investor_path(account) + "/funding-sources", funding_source_body(),
                   "funding-source", "POST /investors/{inv}/funding-sources", failure);
  if (!fs) return false;
  account.funding_source_id = fs->field("id");
  return true;
}

std::vector<PlannedRequest> planned_account(const Target& target, const std::string& rehearsal_id,
                                            const std::string& check, bool funding_source) {
  std::vector<PlannedRequest> out;
  out.push_back(planned(target, "POST", "/investors",
                        "get or create the rehearsal investor, Idempotency-Key " +
                            planned_key(rehearsal_id, check, "investor")));
  if (funding_source) {
    out.push_back(planned(target, "POST", "/investors/{inv}/funding-sources",
                          "get or create its ACH funding source, Idempotency-Key " +
                              planned_key(rehearsal_id, check, "funding-source")));
  }
  return out;
}

std::optional<TransferList> list_transfers(Session& s, const Account& account,
                                           const std::string& kind, const std::string& label,
                                           CheckResult& failure) {
  return list_collection(s, investor_path(account) + "/" + kind + "?limit=200", label, failure);
}

ProofPlan transfer_plan(const Account& account, const std::string& kind, const std::string& noun,
                        json body) {
  ProofPlan p;
  p.collection = investor_path(account) + "/" + kind;
  p.shown = "/investors/{inv}/" + kind;
  p.noun = noun;
  p.step = noun;
  p.body = std::move(body);
  p.cleanup = [account, kind](Session& s, const IdStatus& created) {
    return cancel_all(s, account, kind, created);
  };
  p.cleanup_plan = "/investors/{inv}/" + kind + "/{id}/cancel";
  return p;
}

std::string cancel(Session& s, const Account& account, const std::string& kind,
                   const std::string& id, const std::string& status) {
  if (!status.empty() && status != "pending" && status != "open") {
    return fmt::format("{} is {} and cannot be cancelled", id, status);
  }
  const auto path = investor_path(account) + "/" + kind + "/" + id + "/cancel";
  auto reply = s.post(path, json::object(), s.key("cancel-" + id));
  const auto label = fmt::format("POST /investors/{{inv}}/{}/{}/cancel (cleanup)", kind, id);
  s.record(reply, label, "200 (cancelled)");
  if (reply.ok()) return "cancelled " + id;
  return fmt::format("{} not cancelled ({})", id, s.describe(reply));
}

std::string cancel_all(Session& s, const Account& account, const std::string& kind,
                       const IdStatus& created) {
  std::vector<std::string> cancelled, notes;
  for (const auto& [id, status] : created) {
    auto note = cancel(s, account, kind, id, status);
    if (note == "cancelled " + id) {
      cancelled.push_back(id);
    } else {
      notes.push_back(std::move(note));
    }
  }
  if (!cancelled.empty()) notes.insert(notes.begin(), "cancelled " + join_ids(cancelled));
  return notes.empty() ? "nothing to cancel" : fmt::format("{}", fmt::join(notes, "; "));
}

Reply wait_for_status(Session& s, const std::string& path, Reply reply,
                      const std::set<std::string>& wanted, std::chrono::seconds wait,
                      const std::string& label) {
  using namespace std::chrono;
  auto& ctx = s.ctx();
  const auto give_up = ctx.clock.now() + wait;
  int polls = 0;
  while (reply.ok() && !wanted.count(reply.field("status")) && ctx.clock.now() < give_up &&
         ctx.time_left() > milliseconds(2500)) {
    ctx.clock.sleep_for(seconds(1));
    reply = s.get(path);
    ++polls;
  }
  if (polls > 0) {
    s.record(reply, fmt::format("{} (poll {})", label, polls),
             fmt::format("status {}", fmt::join(wanted, " or ")));
  }
  return reply;
}

}  // namespace golive::checks::rehearsal
