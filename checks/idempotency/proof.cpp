#include "checks/idempotency/proof.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace golive::checks::rehearsal {

namespace {

/// A finding of the proof and the status it leads to: any fail fails the check; otherwise any
/// inconclusive (something could not be verified) makes it inconclusive; otherwise it warns.
struct Problem {
  std::string text;
  Status status = Status::fail;
};

constexpr const char* kUnverifiedFix =
    "run again with a new rehearsal_id (a fresh rehearsal investor whose transfer list fits one "
    "page); quote the X-Request-Ids to the provider if an answer stays unreadable";

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

std::string amount_of(const json& body) {
  return body.value("amount", std::string("?"));
}

/// Judges the answer to the different body sent with the already used key.
void judge_conflict(const Reply& r, const std::string& original, const std::string& key,
                    const ProofPlan& p, std::map<std::string, std::string>& created,
                    std::vector<Problem>& problems) {
  const auto id = r.field("id");
  if (r.status() == 409 && r.error_code() == "BLUM-409-002") return;
  if (r.status() == 409 && r.unreadable()) {
    problems.push_back({fmt::format("a different amount with key {} was refused with 409, but "
                                    "the {}; its code could not be verified",
                                    key, r.body_problem),
                        Status::inconclusive});
  } else if (r.status() == 409) {
    problems.push_back({fmt::format("a different amount with key {} was refused with {}, not the "
                                    "documented BLUM-409-002",
                                    key, describe(r)),
                        Status::warn});
  } else if (r.ok() && r.unreadable()) {
    problems.push_back(
        {fmt::format("a different amount with key {} was answered {} instead of "
                     "409 BLUM-409-002 (the {})",
                     key, r.status(), r.body_problem)});
  } else if (r.ok() && id == original) {
    problems.push_back(
        {fmt::format("a different amount ({}) with key {} answered the original {} "
                     "({}): the changed body was silently ignored",
                     amount_of(*p.conflicting), key, original, amount_of(p.body))});
  } else if (r.ok()) {
    created.emplace(id, r.field("status"));
    problems.push_back({fmt::format("{} ({}) and {} ({}) created for key {}", original,
                                    amount_of(p.body), id, amount_of(*p.conflicting), key)});
  } else {
    problems.push_back(
        {fmt::format("a different amount with key {} was refused with {} instead "
                     "of 409 BLUM-409-002",
                     key, describe(r))});
  }
}

}  // namespace

std::string duplicate_fix(const std::string& noun) {
  return fmt::format(
      "the API must answer one Idempotency-Key with one {0} (replay the original for the same "
      "body, 409 BLUM-409-002 for a different one); otherwise a retried {0} moves money twice. "
      "Check that base_url reaches the provider directly (a proxy or gateway that drops the "
      "Idempotency-Key header causes this) and report the X-Request-Ids to the provider",
      noun);
}

CheckResult prove(Session& s, const Account& a, const ProofPlan& p) {
  CheckResult failure;
  const auto list_label = fmt::format("GET /investors/{{inv}}/{}", p.kind);
  auto before = list_transfers(s, a, p.kind, list_label + " before", failure);
  if (!before) return failure;

  const auto key = s.key(p.step);
  const auto path = investor_path(a) + "/" + p.kind;
  const auto label = fmt::format("POST /investors/{{inv}}/{} (Idempotency-Key {})", p.kind, key);
  std::map<std::string, std::string> created;
  auto give_up = [&](const Reply& r, const std::string& what, const std::string& expected) {
    cancel_all(s, a, p.kind, created);
    return s.unexpected(r, what, expected);
  };

  auto first = s.post(path, p.body, key);
  const auto first_label = fmt::format("{} #1, amount {}", label, amount_of(p.body));
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
      // Which transfer the replay answered cannot be told: no proof either way.
      cancel_all(s, a, p.kind, created);
      return s.unreadable(second, second_label, "2xx with the original " + original);
    }
    s.record(second, second_label, "2xx with the original " + original);
    request_ids.push_back(second.request_id());
    const auto id = second.field("id");
    if (!second.ok()) {
      problems.push_back(
          {fmt::format("the same request with key {} was refused with {}; a replay "
                       "must answer the original {}",
                       key, describe(second), original)});
    } else if (id != original) {
      created.emplace(id, second.field("status"));
      problems.push_back({fmt::format("{} and {} created for key {}", original, id, key)});
    }
  }
  if (p.conflicting) {
    auto third = s.post(path, *p.conflicting, key);
    const auto third_label =
        fmt::format("{} #{}, amount {}", label, p.replay ? 3 : 2, amount_of(*p.conflicting));
    const std::string expected = "409 BLUM-409-002 (idempotency conflict), nothing created";
    if (network_trouble(third)) return give_up(third, third_label, expected);
    s.record(third, third_label, expected);
    request_ids.push_back(third.request_id());
    judge_conflict(third, original, key, p, created, problems);
  }

  auto after = list_transfers(s, a, p.kind, list_label + " after", failure);
  if (!after) {
    cancel_all(s, a, p.kind, created);
    return failure;
  }
  const auto fresh = new_ids(*before, *after);
  const bool resumed = before->count(original) != 0;
  const bool grew_right = resumed ? fresh.empty() : fresh == std::vector<std::string>{original};
  if (!grew_right) {
    // With more transfers than one page shows, an id may only have moved off the page.
    const bool partial = before->partial || after->partial;
    problems.push_back(
        {fmt::format(
             "the {} list grew by {} ({}) where {} was expected{}", p.noun, fresh.size(),
             join_ids(fresh),
             resumed ? "none (the key was used by an earlier run)" : "one (" + original + ")",
             partial ? ", but the investor has more transfers than the first page of 200 "
                       "shows, so the count could not be verified"
                     : ""),
         partial ? Status::inconclusive : Status::fail});
  }
  for (const auto& id : fresh) created[id] = after->at(id);
  for (auto& [id, status] : created) {
    if (after->count(id)) status = after->at(id);
  }
  const auto cleanup = cancel_all(s, a, p.kind, created);

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
    summary += fmt::format("; amount {} with the same key was refused 409 BLUM-409-002",
                           amount_of(*p.conflicting));
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
  const auto path = "/investors/{inv}/" + p.kind;
  const auto key = planned_key(rehearsal_id, check, p.step);
  std::vector<PlannedRequest> out;
  out.push_back(planned(target, "GET", path + "?limit=200", p.noun + " list before"));
  out.push_back(planned(target, "POST", path,
                        fmt::format("{} {} USD, Idempotency-Key {}{}", p.noun, amount_of(p.body),
                                    key, p.replay ? " (sent twice)" : "")));
  if (p.conflicting) {
    out.push_back(planned(target, "POST", path,
                          fmt::format("{} {} USD, same key: expects 409 BLUM-409-002", p.noun,
                                      amount_of(*p.conflicting))));
  }
  out.push_back(planned(target, "GET", path + "?limit=200", p.noun + " list after"));
  out.push_back(planned(target, "POST", path + "/{id}/cancel",
                        "cleanup: cancel what was created while pending"));
  return out;
}

}  // namespace golive::checks::rehearsal
