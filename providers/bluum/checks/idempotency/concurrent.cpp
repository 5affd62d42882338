#include "providers/bluum/checks/idempotency/concurrent.hpp"

#include <fmt/format.h>

#include <latch>
#include <thread>

#include "checks/idempotency/proof.hpp"

namespace golive::checks {

namespace {

constexpr const char* kId = "idempotency.concurrent";

bool network_trouble(const rehearsal::Reply& r) {
  return r.exchange.error() != nullptr || r.status() == 429 || r.status() >= 500;
}

/// Sends `request` `n` times at once through `client`: every thread waits at a latch first.
std::vector<rehearsal::Reply> burst(const rehearsal::Session& s, net::HttpClient& client,
                                    const net::Request& request, int n) {
  std::vector<rehearsal::Reply> replies(static_cast<size_t>(n));
  std::latch start(n);
  {
    std::vector<std::jthread> threads;
    for (size_t i = 0; i < replies.size(); ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        replies[i] = s.reply(client.send(request));
      });
    }
  }
  return replies;
}

}  // namespace

CheckInfo IdempotencyConcurrent::describe() {
  return rehearsal::rehearsal_info(
      kId, "Identical deposits sent at once with one key create one deposit",
      {"idempotency.deposits"},
      "In the sandbox, N identical deposits (default 8) with one Idempotency-Key are sent at the "
      "same moment: every 2xx answer carries the same dep_ id and the deposit list grows by "
      "exactly one. Rate-limited or lost answers are re-sent with the same key. Evidence: every "
      "answer with its X-Request-Id and id.",
      "Retries race: a client that times out and retries while the first attempt is still being "
      "processed sends the same key twice at once; only one deposit may result.",
      "The provider must check and store keys atomically; a proxy must not drop the key. Report "
      "the duplicate ids and X-Request-Ids to the provider.",
      "providers/bluum/checks/idempotency/concurrent.md");
}

IdempotencyConcurrent::IdempotencyConcurrent(CheckOptions& options)
    : rehearsal_id_(rehearsal::read_rehearsal_id(options)),
      method_(rehearsal::read_deposit_method(options)),
      cents_(rehearsal::read_amount(options, "amount", "1.00")),
      requests_(options.get_int("requests", 8)) {
  if (requests_ < 2 || requests_ > 32) options.error("requests", "must be 2 to 32");
}

std::vector<PlannedRequest> IdempotencyConcurrent::planned_requests(const Target& target) const {
  auto out = rehearsal::planned_account(target, rehearsal_id_, kId, method_ == "ach");
  const std::string path = "/investors/{inv}/deposits";
  out.push_back(rehearsal::planned(target, "GET", path + "?limit=200", "deposit list before"));
  out.push_back(rehearsal::planned(
      target, "POST", path,
      fmt::format("deposit {} USD, Idempotency-Key {} (sent {} times at once)",
                  rehearsal::format_cents(cents_),
                  rehearsal::planned_key(rehearsal_id_, kId, "deposit"), requests_)));
  out.push_back(rehearsal::planned(target, "GET", path + "?limit=200", "deposit list after"));
  out.push_back(rehearsal::planned(target, "POST", path + "/{id}/cancel",
                                   "cleanup: cancel what was created while pending"));
  return out;
}

CheckResult IdempotencyConcurrent::run(CheckContext& ctx) {
  rehearsal::Session s(ctx, kId, rehearsal_id_);
  if (auto missing = s.missing_credentials()) return *missing;
  CheckResult failure;
  auto account = rehearsal::open_account(s, method_ == "ach", failure);
  if (!account) return failure;
  const std::string list_label = "GET /investors/{inv}/deposits";
  auto before = rehearsal::list_transfers(s, *account, "deposits", list_label + " before", failure);
  if (!before) return failure;

  const auto key = s.key("deposit");
  const auto request = s.request("POST", rehearsal::investor_path(*account) + "/deposits",
                                 rehearsal::deposit_body(*account, cents_, method_), key);
  auto replies = burst(s, ctx.raw_http ? *ctx.raw_http : ctx.http, request, requests_);

  std::map<std::string, std::string> created;  // id → status
  std::vector<std::string> ids, others, unread, request_ids;
  int at_once = 0, resent = 0, refused = 0;
  const std::string expected = "2xx with the one dep_ id of the key (or 409 while in flight)";
  for (size_t i = 0; i < replies.size(); ++i) {
    auto r = std::move(replies[i]);
    const auto label = fmt::format("POST /investors/{{inv}}/deposits #{} of {} at once (key {})",
                                   i + 1, replies.size(), key);
    if (network_trouble(r)) {
      s.record(r, label, expected, s.describe(r) + ", re-sent with the same key");
      r = s.send(request);
      ++resent;
      if (network_trouble(r)) {
        rehearsal::cancel_all(s, *account, "deposits", created);
        return s.unexpected(r, label + ", re-sent", expected);
      }
      s.record(r, label + ", re-sent", expected);
    } else {
      s.record(r, label, expected);
      if (r.ok()) ++at_once;
    }
    request_ids.push_back(r.request_id());
    const auto id = r.field("id");
    if (r.ok() && !id.empty()) {
      if (created.emplace(id, r.field("status")).second) ids.push_back(id);
    } else if (r.ok() && r.unreadable()) {
      unread.push_back(
          fmt::format("#{} answered {}, but the {}", i + 1, r.status(), r.body_problem));
    } else if (r.status() == 409) {
      ++refused;
    } else {
      others.push_back(fmt::format("#{} answered {}", i + 1, s.describe(r)));
    }
  }

  auto after = rehearsal::list_transfers(s, *account, "deposits", list_label + " after", failure);
  if (!after) {
    rehearsal::cancel_all(s, *account, "deposits", created);
    return failure;
  }
  const auto fresh = rehearsal::new_ids(*before, *after);
  for (const auto& id : fresh) created[id] = after->at(id);
  for (auto& [id, status] : created) {
    if (after->count(id)) status = after->at(id);
  }
  const auto cleanup = rehearsal::cancel_all(s, *account, "deposits", created);

  std::vector<std::string> problems;
  if (ids.size() > 1) {
    problems.push_back(fmt::format("{} created for key {} by {} requests sent at once",
                                   rehearsal::join_ids(ids), key, requests_));
  }
  if (ids.empty() && unread.empty()) problems.push_back("no request created a deposit");
  if (!others.empty()) problems.push_back(fmt::format("{}", fmt::join(others, "; ")));
  const bool resumed = !ids.empty() && before->count(ids[0]) != 0;
  const bool grew_right =
      resumed ? fresh.empty() : (ids.size() == 1 && fresh == std::vector<std::string>{ids[0]});
  // An id may only have moved off a first page that is not the whole list.
  const bool partial = before->partial || after->partial;
  if (!grew_right && ids.size() <= 1 && !partial) {
    problems.push_back(
        fmt::format("the deposit list grew by {} ({})", fresh.size(), rehearsal::join_ids(fresh)));
  }
  if (problems.empty() && (!unread.empty() || (!grew_right && partial))) {
    // Nothing disproves the claim, but an answer or the list could not be read in full.
    std::vector<std::string> why = unread;
    if (!grew_right) {
      why.push_back(
          fmt::format("the deposit list grew by {} ({}) on its first page of 200, "
                      "and the investor has more",
                      fresh.size(), rehearsal::join_ids(fresh)));
    }
    return s.result(Status::inconclusive,
                    fmt::format("{}: one deposit per key could not be verified; cleanup: {}",
                                fmt::join(why, "; "), cleanup),
                    "run again with a new rehearsal_id (a fresh investor); quote the "
                    "X-Request-Ids to the provider if answers stay unreadable");
  }
  if (!problems.empty()) {
    return s.result(Status::fail,
                    fmt::format("{}; cleanup: {}", fmt::join(problems, "; "), cleanup),
                    rehearsal::duplicate_fix("deposit"));
  }
  const auto shape = fmt::format("{} of {} answered at once, {} re-sent, {} refused 409 in flight",
                                 at_once, requests_, resent, refused);
  if (at_once < 2 && !resumed) {
    return s.result(Status::inconclusive,
                    fmt::format("only one deposit ({}) but concurrency was not exercised: {}; "
                                "cleanup: {}",
                                ids[0], shape, cleanup),
                    "run again when nothing else uses this key pair (the burst was rate limited)");
  }
  return s.result(
      Status::pass,
      fmt::format("{} identical deposits with Idempotency-Key {} sent at once created one: {} "
                  "({}{}); cleanup: {}",
                  requests_, key, ids[0], shape,
                  resumed ? "; it already existed from an earlier run of rehearsal " + s.scope()
                          : "; the deposit list grew by exactly one",
                  cleanup));
}

}  // namespace golive::checks
