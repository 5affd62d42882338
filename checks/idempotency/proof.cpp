#include "checks/idempotency/proof.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "checks/api/api_http.hpp"

namespace golive::checks::rehearsal {

namespace {

/// A finding of the proof and the status it leads to: any fail fails the check; otherwise any
/// inconclusive (something could not be verified) makes it inconclusive; otherwise it warns.
struct Problem {
  std::string text;
  Status status = Status::fail;
};

constexpr const char* kUnverifiedFix =
    "run again with a new rehearsal_id (a fresh rehearsal account whose list fits one page); "
    "quote the request ids to the provider if an answer stays unreadable";

/// The status of a proof with `problems` (at least one).
Status worst(const std::vector<Problem>& problems) {
  for (Status s : {Status::fail, Status::inconclusive}) {
    if (std::any_of(problems.begin(), problems.end(), [s](auto& p) { return p.status == s; })) {
      return s;
    }
  }
  return Status::warn;
}

bool network_trouble(const Reply& r) {
  return r.exchange.error() != nullptr || r.status() == 429 || r.status() >= 500;
}

std::string amount_of(const ProofPlan& p, const json& body) {
  const auto it = body.find(p.amount_field);
  if (it == body.end()) return "?";
  return (it->is_string() ? it->get<std::string>() : it->dump()) + " " + p.unit;
}

/// "409 BLUM-409-002" — what the pack documents for a key reused with another body.
std::string conflict_text(const Session& s) {
  const auto& idem = s.pack().idempotency;
  if (!idem) return "409";
  return idem->conflict_code.empty()
             ? std::to_string(idem->conflict_status)
             : fmt::format("{} {}", idem->conflict_status, idem->conflict_code);
}

bool is_conflict(const Session& s, const Reply& r, bool with_code) {
  const auto& idem = s.pack().idempotency;
  const int status = idem ? idem->conflict_status : 409;
  if (r.status() != status) return false;
  return !with_code || !idem || idem->conflict_code.empty() ||
         r.error_code() == idem->conflict_code;
}

/// Judges the answer to the different body sent with the already used key.
void judge_conflict(const Session& s, const Reply& r, const std::string& original,
                    const std::string& key, const ProofPlan& p,
                    std::map<std::string, std::string>& created, std::vector<Problem>& problems) {
  const auto id = r.field("id");
  if (is_conflict(s, r, true)) return;
  if (is_conflict(s, r, false) && r.unreadable()) {
    problems.push_back({fmt::format("a different amount with key {} was refused with {}, but "
                                    "the {}; its code could not be verified",
                                    key, r.status(), r.body_problem),
                        Status::inconclusive});
  } else if (is_conflict(s, r, false)) {
    problems.push_back({fmt::format("a different amount with key {} was refused with {}, not the "
                                    "documented {}",
                                    key, s.describe(r), conflict_text(s)),
                        Status::warn});
  } else if (r.ok() && r.unreadable()) {
    problems.push_back(
        {fmt::format("a different amount with key {} was answered {} instead of "
                     "{} (the {})",
                     key, r.status(), conflict_text(s), r.body_problem)});
  } else if (r.ok() && id == original) {
    problems.push_back(
        {fmt::format("a different amount ({}) with key {} answered the original {} "
                     "({}): the changed body was silently ignored",
                     amount_of(p, *p.conflicting), key, original, amount_of(p, p.body))});
  } else if (r.ok()) {
    created.emplace(id, r.field("status"));
    problems.push_back({fmt::format("{} ({}) and {} ({}) created for key {}", original,
                                    amount_of(p, p.body), id, amount_of(p, *p.conflicting), key)});
  } else {
    problems.push_back(
        {fmt::format("a different amount with key {} was refused with {} instead "
                     "of {}",
                     key, s.describe(r), conflict_text(s))});
  }
}

}  // namespace

std::optional<TransferList> list_collection(Session& s, const std::string& path,
                                            const std::string& label, CheckResult& failure) {
  auto reply = s.get(path);
  const std::string expected = "200 and a list";
  const auto* items = reply.ok() ? api::list_items(reply.body) : nullptr;
  if (items == nullptr) {
    // A 2xx without a readable list proves nothing either way about the collection.
    failure = reply.ok() ? s.unreadable(reply, label, expected,
                                        reply.unreadable() ? "" : "body is not a list")
                         : s.unexpected(reply, label, expected);
    return std::nullopt;
  }
  TransferList out;
  for (const auto& item : *items) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) continue;
    const auto st = item.find("status");
    out.status[item["id"].get<std::string>()] =
        st != item.end() && st->is_string() ? st->get<std::string>() : "";
  }
  // More than the page shows: {has_more: true} (offset lists), or {page: {next: "..."}}.
  if (reply.body.is_object()) {
    const auto more = reply.body.find("has_more");
    const auto page = reply.body.find("page");
    out.partial = (more != reply.body.end() && more->is_boolean() && more->get<bool>()) ||
                  (page != reply.body.end() && page->is_object() && page->contains("next") &&
                   (*page)["next"].is_string() && !(*page)["next"].get<std::string>().empty());
  }
  s.record(reply, label, expected,
           fmt::format("200, {} items{}", out.status.size(), out.partial ? " (first page)" : ""));
  return out;
}

std::vector<std::string> new_ids(const TransferList& before, const TransferList& after) {
  std::vector<std::string> out;
  for (const auto& [id, status] : after.status) {
    if (!before.count(id)) out.push_back(id);
  }
  return out;
}

std::string duplicate_fix(const std::string& noun) {
  return fmt::format(
      "the API must answer one Idempotency-Key with one {0} (replay the original for the same "
      "body, a conflict for a different one); otherwise a retried {0} moves money twice. "
      "Check that base_url reaches the provider directly (a proxy or gateway that drops the "
      "Idempotency-Key header causes this) and report the request ids to the provider",
      noun);
}

CheckResult prove(Session& s, const ProofPlan& p) {
  CheckResult failure;
  const auto list_label = "GET " + p.shown;
  const auto list_path = p.collection + p.list_query;
  auto before = list_collection(s, list_path, list_label + " before", failure);
  if (!before) return failure;

  const auto key = s.key(p.step);
  const auto& path = p.collection;
  const auto label = fmt::format("POST {} (Idempotency-Key {})", p.shown, key);
  IdStatus created;
  auto clean = [&]() { return p.cleanup ? p.cleanup(s, created) : std::string("nothing to undo"); };
  auto give_up = [&](const Reply& r, const std::string& what, const std::string& expected) {
    clean();
    return s.unexpected(r, what, expected);
  };

  auto first = s.post(path, p.body, key);
  const auto first_label = fmt::format("{} #1, amount {}", label, amount_of(p, p.body));
  if (!first.ok() || first.field("id").empty()) {
    return give_up(first, first_label, "2xx with a " + p.noun + " id");
  }
  const auto original = first.field("id");
  created.emplace(original, first.field("status"));
  s.record(first, first_label, "2xx with a " + p.noun + " id");

  std::vector<Problem> problems;
  std::vector<std::string> request_ids{first.request_id()};
  if (p.replay) {
    auto second = s.post(path, p.body, key);
    const auto second_label = label + " #2, same body";
    if (network_trouble(second)) return give_up(second, second_label, "the original " + original);
    if (second.ok() && second.unreadable()) {
      // Which resource the replay answered cannot be told: no proof either way.
      clean();
      return s.unreadable(second, second_label, "2xx with the original " + original);
    }
    s.record(second, second_label, "2xx with the original " + original);
    request_ids.push_back(second.request_id());
    const auto id = second.field("id");
    if (!second.ok()) {
      problems.push_back(
          {fmt::format("the same request with key {} was refused with {}; a replay "
                       "must answer the original {}",
                       key, s.describe(second), original)});
    } else if (id != original) {
      created.emplace(id, second.field("status"));
      problems.push_back({fmt::format("{} and {} created for key {}", original, id, key)});
    }
  }
  if (p.conflicting) {
    auto third = s.post(path, *p.conflicting, key);
    const auto third_label =
        fmt::format("{} #{}, amount {}", label, p.replay ? 3 : 2, amount_of(p, *p.conflicting));
    const std::string expected = conflict_text(s) + " (idempotency conflict), nothing created";
    if (network_trouble(third)) return give_up(third, third_label, expected);
    s.record(third, third_label, expected);
    request_ids.push_back(third.request_id());
    judge_conflict(s, third, original, key, p, created, problems);
  }

  auto after = list_collection(s, list_path, list_label + " after", failure);
  if (!after) {
    clean();
    return failure;
  }
  const auto fresh = new_ids(*before, *after);
  const bool resumed = before->count(original) != 0;
  const bool grew_right = resumed ? fresh.empty() : fresh == std::vector<std::string>{original};
  if (!grew_right) {
    // With more items than one page shows, an id may only have moved off the page.
    const bool partial = before->partial || after->partial;
    problems.push_back(
        {fmt::format(
             "the {} list grew by {} ({}) where {} was expected{}", p.noun, fresh.size(),
             join_ids(fresh),
             resumed ? "none (the key was used by an earlier run)" : "one (" + original + ")",
             partial ? ", but the list is longer than the page read, so the count could "
                       "not be verified"
                     : ""),
         partial ? Status::inconclusive : Status::fail});
  }
  for (const auto& id : fresh) created[id] = after->at(id);
  for (auto& [id, status] : created) {
    if (after->count(id)) status = after->at(id);
  }
  const auto cleanup = clean();

  if (!problems.empty()) {
    std::vector<std::string> texts;
    for (const auto& x : problems) texts.push_back(x.text);
    const Status status = worst(problems);
    return s.result(status, fmt::format("{}; cleanup: {}", fmt::join(texts, "; "), cleanup),
                    status == Status::inconclusive ? kUnverifiedFix : duplicate_fix(p.noun));
  }
  std::string summary = fmt::format("{} with Idempotency-Key {}: ", p.noun, key);
  if (p.replay) summary += fmt::format("sent twice, both answered {}", original);
  if (!p.replay) summary += fmt::format("created {}", original);
  if (p.conflicting) {
    summary += fmt::format("; amount {} with the same key was refused {}",
                           amount_of(p, *p.conflicting), conflict_text(s));
  }
  summary += resumed ? fmt::format(
                           "; {} already existed from an earlier run of rehearsal {}, "
                           "nothing new was created",
                           original, s.scope())
                     : fmt::format("; the {} list grew by exactly one", p.noun);
  summary += fmt::format(" (X-Request-Id {}); cleanup: {}", fmt::join(request_ids, ", "), cleanup);
  return s.result(Status::pass, summary);
}

std::vector<PlannedRequest> planned_proof(const Target& target, const std::string& rehearsal_id,
                                          const std::string& check, const ProofPlan& p) {
  const auto& path = p.shown;
  const auto key = planned_key(rehearsal_id, check, p.step);
  std::vector<PlannedRequest> out;
  out.push_back(planned(target, "GET", path + p.list_query, p.noun + " list before"));
  out.push_back(planned(target, "POST", path,
                        fmt::format("{} {}, Idempotency-Key {}{}", p.noun, amount_of(p, p.body),
                                    key, p.replay ? " (sent twice)" : "")));
  if (p.conflicting) {
    out.push_back(planned(target, "POST", path,
                          fmt::format("{} {}, same key: expects the idempotency conflict", p.noun,
                                      amount_of(p, *p.conflicting))));
  }
  out.push_back(planned(target, "GET", path + p.list_query, p.noun + " list after"));
  if (!p.cleanup_plan.empty()) {
    out.push_back(
        planned(target, "POST", p.cleanup_plan, "cleanup: cancel what was created while pending"));
  }
  return out;
}

}  // namespace golive::checks::rehearsal
