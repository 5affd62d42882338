#pragma once
/// What Blockchain0x's idempotency proofs share: the test-mode payment they send (seed-apis.md
/// §2.5: {agentId, to, amountWei}, mandatory Idempotency-Key), the agent that pays it, and the
/// options and CheckInfo of both checks.
#include <optional>
#include <string>

#include "checks/idempotency/proof.hpp"
#include "checks/idempotency/session.hpp"

namespace golive::checks::payment {

/// The options both proofs read.
struct PaymentOptions {
  std::string rehearsal_id;  ///< stable keys across runs; empty: the run id
  std::string agent_id;      ///< the paying agent; empty: the first of GET /agents
  std::string to;            ///< recipient address (0x + 40 hex)
  std::string amount_wei;    ///< USDC in 6-decimal units, e.g. "10000" = 0.01 USDC
};

/// Reads `rehearsal_id`, `agent_id`, `to` (default a burn address) and `amount_wei` (a positive
/// integer string, at most 1000000 = 1 USDC; default 10000); records option errors.
PaymentOptions read_options(CheckOptions& options);

/// A CheckInfo for a test-mode payment proof of provider blockchain0x: sandbox-write,
/// blocking, sandbox profiles only, checklist item idempotency.payments.
CheckInfo proof_info(std::string id, std::string title, std::string what, std::string why,
                     std::string fix, std::string doc);

/// The proof of `o` paid by `agent`: POST /payments, listed with GET /payments (newest
/// first); a payment cannot be undone. With `conflict`, the same key with twice the amount.
rehearsal::ProofPlan plan(const PaymentOptions& o, const std::string& agent, bool replay,
                          bool conflict);

/// The agent to pay from: `o.agent_id`, else the first of GET /agents; nullopt with `failure`
/// set when there is none.
std::optional<std::string> paying_agent(rehearsal::Session& s, const PaymentOptions& o,
                                        CheckResult& failure);

/// The requests a proof sends, for `check --plan`.
std::vector<PlannedRequest> planned(const Target& target, const std::string& check,
                                    const PaymentOptions& o, bool replay, bool conflict);

/// Runs the proof: agent, then rehearsal::prove().
CheckResult run(CheckContext& ctx, const std::string& check, const PaymentOptions& o, bool replay,
                bool conflict);

}  // namespace golive::checks::payment
