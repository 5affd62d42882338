#pragma once
/// The idempotency proof every provider's idempotency.replay and .conflict share (SPEC §5, §11):
/// send one money movement with a key, then the same request again and/or a different amount
/// with the same key, and compare the answers and the collection's list before and after. The
/// provider supplies what to send (ProofPlan); the conflict it expects comes from its pack.
#include <optional>
#include <string>

#include <functional>
#include <map>

#include "checks/idempotency/session.hpp"

namespace golive::checks::rehearsal {

/// Resource id → status.
using IdStatus = std::map<std::string, std::string>;

/// A collection's list as it answered: its first page.
struct TransferList {
  IdStatus status;       ///< id → status
  bool partial = false;  ///< more items than the page shows (has_more, or a next cursor)
  size_t count(const std::string& id) const { return status.count(id); }
  const std::string& at(const std::string& id) const { return status.at(id); }
};

/// GET `path` (which carries its own query), recorded as `label`; nullopt with `failure` set
/// when it does not answer a list. Items are the list's objects with a string "id".
std::optional<TransferList> list_collection(Session& s, const std::string& path,
                                            const std::string& label, CheckResult& failure);

/// Ids in `after` that are not in `before`, sorted. With a partial list either way, a missing or
/// extra id may only be off the page: callers treat a wrong count as inconclusive then.
std::vector<std::string> new_ids(const TransferList& before, const TransferList& after);

/// Undoes what a proof created (id → last known status) where the API allows; returns a note
/// ("cancelled dep_x", "payments cannot be undone"). Never changes a verdict.
using Cleanup = std::function<std::string(Session&, const IdStatus&)>;

/// What one proof sends.
struct ProofPlan {
  std::string collection;  ///< POST target and list path, e.g. /investors/inv_x/deposits
  std::string shown;       ///< the same for labels and --plan: /investors/{inv}/deposits
  std::string list_query = "?limit=200";  ///< appended to `collection` when listing
  std::string noun;                       ///< "deposit", "withdrawal", "payment"
  std::string step;                       ///< the key's step name, e.g. "deposit"
  std::string amount_field = "amount";    ///< body field shown in evidence
  std::string unit = "USD";               ///< the amount's unit in evidence
  json body;                              ///< the movement, sent first
  bool replay = true;                     ///< send `body` a second time with the same key
  std::optional<json> conflicting;  ///< then this body with the same key: expects the conflict
  Cleanup cleanup;                  ///< may be empty: nothing to undo
  std::string cleanup_plan;         ///< what cleanup sends, for --plan ("" when nothing)
};

/// Runs `plan` for `account` and judges it:
/// - pass: every 2xx answer carries the first answer's id, the conflicting body (if any) is
///   refused with the pack's conflict status and code, and the list grew by exactly that one id (or
///   by none when the id already existed: a resumed rehearsal whose key was used by an earlier
///   run);
/// - fail: a second id for the key ("dep_A and dep_B created for key K"), a replay refused, the
///   different body answered 2xx or refused with another status, or the list grew otherwise;
/// - warn: the different body was refused with the conflict status but another code;
/// - inconclusive: network trouble, 429 or 5xx after the client's retries; a 2xx whose body
///   could not be read (not JSON, cut at the size cap), a conflict whose code could not be read,
///   or a list that grew wrongly while it is only the first page of a longer one.
/// Everything created is cancelled afterwards where the API allows (evidence, not verdict).
CheckResult prove(Session& s, const ProofPlan& plan);

/// The requests prove() sends, for `check --plan`.
std::vector<PlannedRequest> planned_proof(const Target& target, const std::string& rehearsal_id,
                                          const std::string& check, const ProofPlan& plan);

/// The fix of a failed proof: what a second transfer for one key means and where to look.
std::string duplicate_fix(const std::string& noun);

}  // namespace golive::checks::rehearsal
