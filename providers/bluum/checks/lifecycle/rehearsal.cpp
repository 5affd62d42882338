#include "providers/bluum/checks/lifecycle/rehearsal.hpp"

#include <fmt/format.h>

#include <regex>

#include "checks/api/api_http.hpp"

namespace golive::checks {

namespace {

using rehearsal::json;
using rehearsal::Reply;

constexpr const char* kId = "lifecycle.rehearsal";
/// An order id that cannot exist, shaped like a real one (prefix + 20 base32 characters).
constexpr const char* kUnknownOrder = "ord_golivezzzzzzzzzzzzzz";

/// One rehearsal run: the session, the account so far, the summary, and why it stopped.
struct Steps {
  rehearsal::Session& s;
  long long cents;
  std::string symbol;
  std::chrono::seconds settle;
  rehearsal::Account account;
  std::vector<std::string> done;
  CheckResult stop;

  std::string path(const std::string& rest) const {
    return rehearsal::investor_path(account) + rest;
  }
  bool fail(Status status, std::string summary, std::string fix) {
    stop = s.result(status, std::move(summary), std::move(fix));
    return false;
  }
  /// Records `r` when it is a 2xx with an id; otherwise stops with the unexpected answer.
  bool created(const Reply& r, const std::string& label, const std::string& expected) {
    if (!r.ok() || r.field("id").empty()) {
      stop = s.unexpected(r, label, expected);
      return false;
    }
    s.record(r, label, expected);
    return true;
  }
  /// Polls `rest` while its status is not `wanted` (within `settle`); the last reply, or nullopt
  /// when a poll did not answer 200 (then the run stops with that answer).
  std::optional<Reply> settled(Reply r, const std::string& rest, const std::string& wanted,
                               const std::string& label) {
    auto out = rehearsal::wait_for_status(s, path(rest), std::move(r), {wanted}, settle, label);
    if (out.ok() && out.unreadable()) {
      stop = s.unreadable(out, label, "status " + wanted);
      return std::nullopt;
    }
    if (out.ok()) return out;
    stop = s.unexpected(out, label, "200");
    return std::nullopt;
  }
};

bool investor(Steps& st) {
  auto account = rehearsal::open_account(st.s, false, st.stop);
  if (!account) return false;
  st.account = *account;
  if (account->investor_status != "active") {
    const std::string label = "GET /investors/{inv}";
    auto r = st.s.get(st.path(""));
    if (!r.ok()) {
      st.stop = st.s.unexpected(r, label, "200 with status active");
      return false;
    }
    st.s.record(r, label, "status active");
    auto out = st.settled(std::move(r), "", "active", label);
    if (!out) return false;
    const auto status = out->field("status");
    if (status != "active") {
      return st.fail(status == "rejected" ? Status::fail : Status::inconclusive,
                     fmt::format("investor {} is {} after {} s, not active: KYC did not approve",
                                 st.account.investor_id, status, st.settle.count()),
                     "sandbox KYC auto-approves documented test data; check the investor fields "
                     "or raise settle_s");
    }
  }
  st.done.push_back(fmt::format("investor {} (KYC approved)", st.account.investor_id));
  return true;
}

bool funding(Steps& st) {
  if (!rehearsal::add_funding_source(st.s, st.account, st.stop)) return false;
  st.done.push_back("funding source " + st.account.funding_source_id);
  return true;
}

bool deposit(Steps& st) {
  const auto key = st.s.key("deposit");
  const auto label = "POST /investors/{inv}/deposits (ACH, Idempotency-Key " + key + ")";
  auto r = st.s.post(st.path("/deposits"), rehearsal::deposit_body(st.account, 2 * st.cents, "ach"),
                     key);
  if (!st.created(r, label, "2xx with a dep_ id")) return false;
  const auto id = r.field("id");
  auto out = st.settled(std::move(r), "/deposits/" + id, "completed",
                        "GET /investors/{inv}/deposits/{dep}");
  if (!out) return false;
  if (out->field("status") != "completed") {
    return st.fail(Status::inconclusive,
                   fmt::format("deposit {} is still {} after {} s", id, out->field("status"),
                               st.settle.count()),
                   "raise settle_s if sandbox ACH deposits take longer to complete");
  }
  st.done.push_back(fmt::format("deposit {} {} completed", id, out->field("amount")));
  return true;
}

bool order(Steps& st) {
  const auto key = st.s.key("order");
  const json body{{"symbol", st.symbol},
                  {"side", "buy"},
                  {"type", "market"},
                  {"time_in_force", "day"},
                  {"notional", rehearsal::format_cents(st.cents)},
                  {"client_order_id", key}};
  const auto label = "POST /investors/{inv}/orders (market buy, Idempotency-Key " + key + ")";
  auto r = st.s.post(st.path("/orders"), body, key);
  if (!st.created(r, label, "2xx with an ord_ id")) return false;
  const auto id = r.field("id");
  auto out =
      st.settled(std::move(r), "/orders/" + id, "filled", "GET /investors/{inv}/orders/{ord}");
  if (!out) return false;
  if (out->field("status") != "filled") {
    const auto note = rehearsal::cancel(st.s, st.account, "orders", id, out->field("status"));
    return st.fail(Status::inconclusive,
                   fmt::format("market order {} is still {} after {} s (market closed?); {}", id,
                               out->field("status"), st.settle.count(), note),
                   "run the rehearsal while the market is open, or raise settle_s");
  }
  st.done.push_back(fmt::format("order {} filled ({} {} at {})", id, out->field("filled_quantity"),
                                st.symbol, out->field("filled_avg_price")));
  return true;
}

bool position(Steps& st) {
  auto r = st.s.get(st.path("/positions/" + st.symbol));
  const auto label = "GET /investors/{inv}/positions/" + st.symbol;
  if (!r.ok() || r.unreadable()) {
    st.stop = st.s.unexpected(r, label, "200 with the position");
    return false;
  }
  const auto quantity = r.field("quantity");
  st.s.record(r, label, "200 with a quantity above 0", "200, quantity " + quantity);
  const bool positive = std::regex_match(quantity, std::regex(R"(\d*\.?\d+)")) &&
                        quantity.find_first_of("123456789") != std::string::npos;
  if (!positive) {
    return st.fail(Status::fail,
                   fmt::format("the filled order left no visible {} position (quantity '{}')",
                               st.symbol, quantity),
                   "a filled buy must show as a position; quote the X-Request-Ids to the provider");
  }
  st.done.push_back(fmt::format("position {} {} {}", r.field("id"), quantity, st.symbol));
  return true;
}

bool withdrawal(Steps& st) {
  const auto key = st.s.key("withdrawal");
  const auto label = "POST /investors/{inv}/withdrawals (Idempotency-Key " + key + ")";
  auto r =
      st.s.post(st.path("/withdrawals"), rehearsal::withdrawal_body(st.account, st.cents), key);
  if (!st.created(r, label, "2xx with a wd_ id")) return false;
  const auto note =
      rehearsal::cancel(st.s, st.account, "withdrawals", r.field("id"), r.field("status"));
  st.done.push_back(fmt::format("withdrawal {} {} ({})", r.field("id"), r.field("amount"), note));
  return true;
}

/// An error path: `r` must answer `status` with the error envelope and a BLUM-<status>-* code.
bool error_path(Steps& st, const Reply& r, int status, const std::string& label) {
  const auto err = read_api_error(st.s.pack(), r.body);
  const std::regex code(fmt::format("BLUM-{}-\\d{{3}}", status));
  const auto expected =
      fmt::format("{} with {{error:{{type, code BLUM-{}-*, message}}}}", status, status);
  if (r.exchange.error() || r.status() == 429 || r.status() >= 500) {
    st.stop = st.s.unexpected(r, label, expected);
    return false;
  }
  if (const auto* resp = r.exchange.response(); resp && resp->truncated) {
    // A cut body shows neither the envelope nor its absence; a whole one that is not JSON fails.
    st.stop = st.s.unreadable(r, label, expected);
    return false;
  }
  st.s.record(r, label, expected);
  if (r.status() != status || !err.found || !std::regex_match(err.code, code)) {
    return st.fail(Status::fail,
                   fmt::format("{} answered {} instead of {}", label, st.s.describe(r), expected),
                   "the documented error paths must answer the error envelope; quote the "
                   "X-Request-Id to the provider");
  }
  st.done.push_back(fmt::format("{} {}", status, err.code));
  return true;
}

bool error_paths(Steps& st) {
  auto bad = st.s.post(st.path("/deposits"),
                       json{{"amount", "-1.00"},
                            {"currency", "USD"},
                            {"method", "ach"},
                            {"funding_source_id", st.account.funding_source_id}},
                       st.s.key("invalid-deposit"));
  if (!error_path(st, bad, 400, "POST /investors/{inv}/deposits (amount -1.00)")) return false;
  auto unknown = st.s.get(st.path(std::string("/orders/") + kUnknownOrder));
  return error_path(st, unknown, 404, std::string("GET /investors/{inv}/orders/") + kUnknownOrder);
}

}  // namespace

CheckInfo LifecycleRehearsal::describe() {
  return rehearsal::rehearsal_info(
      kId, "The full lifecycle works end to end in the sandbox", {"lifecycle.end-to-end"},
      "In the sandbox: investor created and KYC-approved, ACH funding source linked, ACH deposit "
      "completed, market buy filled, position visible, withdrawal created and cancelled, and the "
      "error paths (invalid input → 400, unknown id → 404) answer the error envelope. Evidence: "
      "every step's request, status, X-Request-Id, latency and created id.",
      "The provider asks partners to test the full lifecycle in sandbox before production "
      "(checklist item 1); this run is the proof, with request ids support can trace.",
      "Follow the failing step's code; quote its X-Request-Id to the provider.",
      "providers/bluum/checks/lifecycle/rehearsal.md");
}

LifecycleRehearsal::LifecycleRehearsal(CheckOptions& options)
    : rehearsal_id_(rehearsal::read_rehearsal_id(options)),
      cents_(rehearsal::read_amount(options, "amount", "1.00")),
      symbol_(options.get_string("symbol", "AAPL")),
      settle_s_(options.get_int("settle_s", 20)) {
  if (!std::regex_match(symbol_, std::regex("[A-Z][A-Z0-9.]{0,9}"))) {
    options.error("symbol", "must be an upper-case ticker such as AAPL");
  }
  if (settle_s_ < 0 || settle_s_ > 300) options.error("settle_s", "must be 0 to 300 seconds");
}

std::vector<PlannedRequest> LifecycleRehearsal::planned_requests(const Target& target) const {
  using rehearsal::planned;
  const auto key = [&](const char* step) {
    return ", Idempotency-Key " + rehearsal::planned_key(rehearsal_id_, kId, step);
  };
  const auto amount = rehearsal::format_cents(cents_);
  auto out = rehearsal::planned_account(target, rehearsal_id_, kId, true);
  out.insert(out.begin() + 1, planned(target, "GET", "/investors/{inv}", "until KYC approves"));
  out.push_back(
      planned(target, "POST", "/investors/{inv}/deposits",
              "ACH deposit " + rehearsal::format_cents(2 * cents_) + " USD" + key("deposit")));
  out.push_back(planned(target, "GET", "/investors/{inv}/deposits/{dep}", "until completed"));
  out.push_back(planned(target, "POST", "/investors/{inv}/orders",
                        "market buy " + amount + " USD of " + symbol_ + key("order")));
  out.push_back(planned(target, "GET", "/investors/{inv}/orders/{ord}", "until filled"));
  out.push_back(planned(target, "GET", "/investors/{inv}/positions/" + symbol_, "position"));
  out.push_back(planned(target, "POST", "/investors/{inv}/withdrawals",
                        "withdrawal " + amount + " USD" + key("withdrawal")));
  out.push_back(planned(target, "POST", "/investors/{inv}/withdrawals/{wd}/cancel", "cleanup"));
  out.push_back(planned(target, "POST", "/investors/{inv}/deposits",
                        "invalid amount: expects 400" + key("invalid-deposit")));
  out.push_back(planned(target, "GET", std::string("/investors/{inv}/orders/") + kUnknownOrder,
                        "unknown id: expects 404"));
  return out;
}

CheckResult LifecycleRehearsal::run(CheckContext& ctx) {
  rehearsal::Session s(ctx, kId, rehearsal_id_);
  if (auto missing = s.missing_credentials()) return *missing;
  Steps st{s, cents_, symbol_, std::chrono::seconds(settle_s_), {}, {}, {}};
  const bool ok = investor(st) && funding(st) && deposit(st) && order(st) && position(st) &&
                  withdrawal(st) && error_paths(st);
  if (!ok) {
    if (!st.done.empty()) {
      st.stop.summary += fmt::format(" (after: {})", fmt::join(st.done, ", "));
    }
    return st.stop;
  }
  return s.result(Status::pass, fmt::format("lifecycle rehearsed with keys of {} {}: {}",
                                            s.stable_keys() ? "rehearsal" : "run", s.scope(),
                                            fmt::join(st.done, ", ")));
}

}  // namespace golive::checks
