#include "providers/blockchain0x/checks/idempotency/payment.hpp"

#include <regex>

#include "checks/api/api_http.hpp"

namespace golive::checks::payment {

namespace {

/// An address nobody holds the key of: a test payment to it is gone, never someone's.
constexpr const char* k_burn = "0x000000000000000000000000000000000000dEaD";
constexpr long long k_max_wei = 1'000'000;  // 1 USDC

/// `amount` scaled: "10000" → "20000".
std::string times_two(const std::string& amount) {
  return std::to_string(2 * std::stoll(amount));
}

}  // namespace

PaymentOptions read_options(CheckOptions& options) {
  PaymentOptions o;
  o.rehearsal_id = rehearsal::read_rehearsal_id(options);
  o.agent_id = options.get_string("agent_id", "");
  o.to = options.get_string("to", k_burn);
  o.amount_wei = options.get_string("amount_wei", "10000");
  if (!std::regex_match(o.to, std::regex("0x[0-9a-fA-F]{40}"))) {
    options.error("to", "must be 0x followed by 40 hex digits");
    o.to = k_burn;
  }
  const bool digits = !o.amount_wei.empty() && o.amount_wei.size() <= 7 &&
                      o.amount_wei.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoll(o.amount_wei) <= 0 || std::stoll(o.amount_wei) > k_max_wei) {
    options.error("amount_wei", "must be a positive integer of at most 1000000 (1 USDC)");
    o.amount_wei = "10000";
  }
  return o;
}

CheckInfo proof_info(std::string id, std::string title, std::string what, std::string why,
                     std::string fix, std::string doc) {
  return rehearsal::sandbox_write_info("blockchain0x", std::move(id), std::move(title),
                                       {"idempotency.payments"}, std::move(what), std::move(why),
                                       std::move(fix), std::move(doc));
}

rehearsal::ProofPlan plan(const PaymentOptions& o, const std::string& agent, bool replay,
                          bool conflict) {
  rehearsal::ProofPlan p;
  p.collection = "/payments";
  p.shown = "/payments";
  p.list_query = "?limit=100&sort=createdAt:desc";
  p.noun = "payment";
  p.step = "payment";
  p.amount_field = "amountWei";
  p.unit = "wei (USDC, 6 decimals)";
  p.body = rehearsal::json{{"agentId", agent}, {"to", o.to}, {"amountWei", o.amount_wei}};
  p.replay = replay;
  if (conflict) {
    p.conflicting =
        rehearsal::json{{"agentId", agent}, {"to", o.to}, {"amountWei", times_two(o.amount_wei)}};
  }
  return p;
}

std::optional<std::string> paying_agent(rehearsal::Session& s, const PaymentOptions& o,
                                        CheckResult& failure) {
  if (!o.agent_id.empty()) return o.agent_id;
  auto reply = s.get("/agents?limit=1");
  const std::string expected = "200 and a list with an agent";
  const auto* items = reply.ok() ? api::list_items(reply.body) : nullptr;
  if (items == nullptr || items->empty() || !(*items)[0].is_object() ||
      !(*items)[0].contains("id") || !(*items)[0]["id"].is_string()) {
    failure = s.unexpected(reply, "GET /agents", expected);
    if (reply.ok()) {
      failure.status = Status::inconclusive;
      failure.summary =
          "no agent to pay from: GET /agents listed none; set the check's "
          "agent_id option to a test-mode agent with pay_bills";
    }
    return std::nullopt;
  }
  std::string id = (*items)[0]["id"].get<std::string>();
  s.record(reply, "GET /agents", expected, "200, agent " + id);
  return id;
}

std::vector<PlannedRequest> planned(const Target& target, const std::string& check,
                                    const PaymentOptions& o, bool replay, bool conflict) {
  std::vector<PlannedRequest> out;
  if (o.agent_id.empty()) {
    out.push_back(rehearsal::planned(target, "GET", "/agents?limit=1", "the agent to pay from"));
  }
  auto proof = rehearsal::planned_proof(
      target, o.rehearsal_id, check,
      plan(o, o.agent_id.empty() ? "{agent}" : o.agent_id, replay, conflict));
  out.insert(out.end(), proof.begin(), proof.end());
  return out;
}

CheckResult run(CheckContext& ctx, const std::string& check, const PaymentOptions& o, bool replay,
                bool conflict) {
  rehearsal::Session s(ctx, check, o.rehearsal_id);
  if (auto missing = s.missing_credentials()) return *missing;
  CheckResult failure;
  auto agent = paying_agent(s, o, failure);
  if (!agent) return failure;
  return rehearsal::prove(s, plan(o, *agent, replay, conflict));
}

}  // namespace golive::checks::payment
