#pragma once
/// The rehearsal's own sandbox resources: "get or create" the investor and its funding source
/// through deterministic Idempotency-Keys, list an investor's transfers, wait for a status, and
/// clean up by cancelling what the API lets us cancel.
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checks/idempotency/proof.hpp"
#include "checks/idempotency/session.hpp"

namespace golive::checks::rehearsal {

/// The rehearsal investor and, when asked for, its ACH funding source.
struct Account {
  std::string investor_id;
  std::string funding_source_id;  ///< empty unless requested
  std::string investor_status;    ///< as answered, e.g. "active"
};

/// A CheckInfo with what every rehearsal check shares: sandbox-write, blocking, applies to
/// sandbox profiles (a production run sends it to its `rehearsal:` profile), doc `doc`.
CheckInfo rehearsal_info(std::string id, std::string title, std::vector<std::string> items,
                         std::string what, std::string why, std::string fix, std::string doc);

/// Reads `method`: "manual_bank_transfer" (the default: stays pending, so it can be cancelled,
/// and needs no bank link) or "ach" (through the rehearsal's funding source).
std::string read_deposit_method(CheckOptions& options);

/// The investor's path: "/investors/inv_x".
std::string investor_path(const Account& account);

/// Gets or creates the session's investor: POST /investors with key `<scope>-investor` and a
/// body derived only from the scope and check, so a re-run with the same rehearsal id answers
/// the same investor (the provider replays it) instead of creating one. With `funding_source`,
/// the same for POST /investors/{inv}/funding-sources (key `…-funding-source`). Returns nullopt
/// with `failure` set when a step does not answer 2xx with an id.
std::optional<Account> open_account(Session& s, bool funding_source, CheckResult& failure);

/// Gets or creates the ACH funding source of `account` (key `…-funding-source`) and stores its
/// id in `account`; false with `failure` set when it is not created.
bool add_funding_source(Session& s, Account& account, CheckResult& failure);

/// The requests open_account sends, for `check --plan`.
std::vector<PlannedRequest> planned_account(const Target& target, const std::string& rehearsal_id,
                                            const std::string& check, bool funding_source);

/// A deposit of `cents` USD by `method`; "ach" names the account's funding source.
json deposit_body(const Account& account, long long cents, const std::string& method);

/// A withdrawal of `cents` USD by ACH to the account's funding source.
json withdrawal_body(const Account& account, long long cents);

/// GET /investors/{inv}/{kind}?limit=200, recorded as `label`; nullopt with `failure` set
/// when it does not answer a list.
std::optional<TransferList> list_transfers(Session& s, const Account& account,
                                           const std::string& kind, const std::string& label,
                                           CheckResult& failure);

/// Cancels `kind` `id` (POST …/{id}/cancel with its own Idempotency-Key) when `status` is
/// "pending" (or unknown); records the exchange. Never changes a verdict: returns a note such as
/// "cancelled dep_x" or "dep_x not cancelled (409 BLUM-409-003 …)".
std::string cancel(Session& s, const Account& account, const std::string& kind,
                   const std::string& id, const std::string& status);

/// The proof plan for the investor's `kind` ("deposits" or "withdrawals"): POST and list
/// /investors/{inv}/KIND, cleanup by cancelling while pending.
ProofPlan transfer_plan(const Account& account, const std::string& kind, const std::string& noun,
                        json body);

/// Cleans up every id of `created` (id → last known status); notes joined by "; ".
std::string cancel_all(Session& s, const Account& account, const std::string& kind,
                       const IdStatus& created);

/// Polls GET `path` once a second while its `status` is none of `wanted`, for at most `wait`
/// and never past the check's deadline. Records the last poll when it polled at all. Returns the
/// last reply (the caller judges it).
Reply wait_for_status(Session& s, const std::string& path, Reply reply,
                      const std::set<std::string>& wanted, std::chrono::seconds wait,
                      const std::string& label);

}  // namespace golive::checks::rehearsal
