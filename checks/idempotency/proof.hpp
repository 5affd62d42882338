#pragma once
/// The idempotency proof idempotency.replay, .conflict and .withdrawals share (SEED §1.7): send
/// one transfer with a key, then the same request again and/or a different amount with the same
/// key, and compare the answers and the investor's transfer list before and after.
#include <optional>
#include <string>

#include "checks/idempotency/account.hpp"

namespace golive::checks::rehearsal {

/// What one proof sends.
struct ProofPlan {
  std::string kind;                 ///< "deposits" or "withdrawals" (the path segment)
  std::string noun;                 ///< "deposit" or "withdrawal"
  std::string step;                 ///< the key's step name, e.g. "deposit"
  json body;                        ///< the transfer, sent first
  bool replay = true;               ///< send `body` a second time with the same key
  std::optional<json> conflicting;  ///< then this body with the same key: expects 409
};

/// Runs `plan` for `account` and judges it:
/// - pass: every 2xx answer carries the first answer's id, the conflicting body (if any) is
///   refused 409 BLUM-409-002, and the list grew by exactly that one id (or by none when the id
///   already existed: a resumed rehearsal whose key was used by an earlier run);
/// - fail: a second id for the key ("dep_A and dep_B created for key K"), a replay refused, the
///   different body answered 2xx or refused with another status, or the list grew otherwise;
/// - warn: the different body was refused 409 with a code other than BLUM-409-002;
/// - inconclusive: network trouble, 429 or 5xx after the client's retries; a 2xx whose body
///   could not be read (not JSON, cut at the size cap), a 409 whose code could not be read, or
///   a list that grew wrongly while it is only the first page of a longer one (has_more).
/// Everything created is cancelled afterwards where the API allows (evidence, not verdict).
CheckResult prove(Session& s, const Account& account, const ProofPlan& plan);

/// The requests prove() sends, for `check --plan` (after planned_account()).
std::vector<PlannedRequest> planned_proof(const Target& target, const std::string& rehearsal_id,
                                          const std::string& check, const ProofPlan& plan);

/// The fix of a failed proof: what a second transfer for one key means and where to look.
std::string duplicate_fix(const std::string& noun);

}  // namespace golive::checks::rehearsal
