// Grades about keys and retry decisions: idempotency-keys, retry-same-key,
// no-retry-client-errors, bounded-attempts, request-ids.
#include <map>

#include "audit/grade_util.hpp"
#include "audit/grader.hpp"
#include "audit/schedule.hpp"

namespace golive::audit {

using detail::about;
using detail::note;
using detail::result;

namespace {

bool is_money(const ExchangeRecord& e) {
  return !e.money_kind.empty();
}

/// The first exchange after `d` in arrival order that repeats its method, path, query and body
/// under another key or none (a different operation by definition), within the retry window;
/// or nullptr.
const ExchangeRecord* repeated_later(const Recording& rec, const ExchangeRecord& d) {
  const ExchangeRecord* best = nullptr;
  for (const auto& e : rec.exchanges) {
    if (e.seq <= d.seq || e.method != d.method || e.path != d.path || e.query != d.query ||
        e.body_sha256 != d.body_sha256 ||
        delay_ms(d, e) > static_cast<double>(k_retry_window.count())) {
      continue;
    }
    if (best == nullptr || e.seq < best->seq) best = &e;
  }
  return best;
}

}  // namespace

CheckResult grade_idempotency_keys(const Recording& rec) {
  const std::string id = "client.idempotency-keys";
  std::vector<Evidence> ev;
  size_t money = 0, missing = 0, conflicts = 0;
  std::map<std::string, const ExchangeRecord*> by_key;
  const std::string header = detail::key_header(rec), word = detail::money_word(rec);
  for (const auto& e : rec.exchanges) {
    if (!is_money(e)) continue;
    ++money;
    const std::string key = client_key(e);
    if (key.empty()) {
      ++missing;
      ev.push_back(about(e, "", "an " + header + " header", "none"));
      continue;
    }
    // One key is one operation: every attempt under it must be the same request.
    auto [it, added] = by_key.try_emplace(key, &e);
    const ExchangeRecord& first = *it->second;
    const bool other_target =
        first.method != e.method || first.path != e.path || first.query != e.query;
    if (!added && (other_target || first.body_sha256 != e.body_sha256)) {
      ++conflicts;
      ev.push_back(about(e, "key reused for a different request", "a fresh key per " + word,
                         "same key as #" + std::to_string(first.seq) + ", different " +
                             (other_target ? "method, path or query" : "body")));
    }
  }
  const std::string fix = fmt::format(
      "Send an {} (a UUID generated once per logical {} and stored with it) on every request "
      "that moves money, and never reuse it for another request.",
      header, word);
  if (money == 0) {
    return result(id, Status::inconclusive,
                  fmt::format("the command made no {} (no request to a money endpoint of the "
                              "provider pack)",
                              word));
  }
  if (missing == 0 && conflicts == 0) {
    auto r = result(id, Status::pass,
                    fmt::format("all {} {} requests carried an {}", money, word, header));
    for (const auto& [key, e] : by_key) {
      r.evidence.push_back(
          about(*e, "", "an " + header + " header", detail::key_text(key, header)));
    }
    detail::cap(r.evidence, 4);
    return r;
  }
  auto r = result(
      id, Status::fail,
      missing > 0
          ? fmt::format("{} of {} {} requests had no {}", missing, money, word, header)
          : fmt::format("{} {} requests reused another request's {}", conflicts, word, header),
      fix);
  r.evidence = std::move(ev);
  detail::cap(r.evidence, 6);
  return r;
}

CheckResult grade_retry_same_key(const Recording& rec) {
  const std::string id = "client.retry-same-key";
  const auto& ex = rec.exchanges;
  std::vector<Evidence> ev;
  size_t drops = 0, problems = 0;
  std::map<std::string, std::int64_t> ops;  ///< money kind → operations that succeeded upstream
  const std::string header = detail::key_header(rec), word = detail::money_word(rec);
  const auto key_text = [&header](const std::string& key) { return detail::key_text(key, header); };
  for (const auto& c : retry_chains(rec)) {
    const ExchangeRecord& first = ex[c.attempts.front()];
    if (!is_money(first)) continue;
    bool created = false;
    for (size_t a : c.attempts) created = created || (ex[a].upstream_status / 100 == 2);
    if (created) ++ops[first.money_kind];
    for (size_t k = 0; k < c.attempts.size(); ++k) {
      const ExchangeRecord& d = ex[c.attempts[k]];
      if (!d.dropped) continue;
      ++drops;
      ev.push_back(about(
          d, "response dropped after the upstream answered " + std::to_string(d.upstream_status),
          "", key_text(client_key(d))));
      if (k + 1 == c.attempts.size()) {
        ++problems;
        if (const ExchangeRecord* again = repeated_later(rec, d)) {
          ev.push_back(about(
              *again,
              fmt::format("the same request {:.0f} ms later, as a new operation",
                          delay_ms(d, *again)),
              "the same " + key_text(client_key(d)),
              key_text(client_key(*again)) + ": to the server a second " + again->money_kind));
        } else {
          ev.push_back(note("no retry followed", "a retry with the same key",
                            "the client gave up; the money may have moved without it knowing"));
        }
        continue;
      }
      const ExchangeRecord& next = ex[c.attempts[k + 1]];
      const bool same = !client_key(d).empty() && client_key(next) == client_key(d);
      if (!same) ++problems;
      const std::string want = client_key(d).empty()
                                   ? "an " + header + " on every attempt (the first had none)"
                                   : "the same " + key_text(client_key(d));
      ev.push_back(about(next, fmt::format("retry {:.0f} ms later", delay_ms(d, next)), want,
                         key_text(client_key(next))));
    }
  }
  const auto& f = rec.footer;
  std::string counts;
  auto compare = [&](const std::string& what, std::optional<std::int64_t> held, std::int64_t done) {
    if (!held || (*held == 0 && done == 0)) return;
    counts += fmt::format("{}the upstream holds {} {}{} for {} {} operation{}",
                          counts.empty() ? "" : "; ", *held, what, *held == 1 ? "" : "s", done,
                          what, done == 1 ? "" : "s");
    ev.push_back(note(fmt::format("upstream {}s created (embedded emulator)", what),
                      fmt::format("{} (one per {} operation)", done, what), std::to_string(*held)));
    if (*held > done) ++problems;
  };
  if (drops == 0) {
    return result(id, Status::inconclusive,
                  fmt::format("no {} had its response dropped (the schedule's drop fault never "
                              "applied)",
                              word));
  }
  for (const auto& kind : rec.header.money_kinds) compare(kind, f.created_of(kind), ops[kind]);
  const std::string tail = counts.empty() ? "" : "; " + counts;
  auto r = problems == 0
               ? result(id, Status::pass,
                        fmt::format("every retry after a dropped response reused its key{}", tail))
               : result(id, Status::fail,
                        fmt::format("a dropped {} was not retried with the same key{}", word, tail),
                        fmt::format("Generate the {} before the first attempt and reuse it on "
                                    "every retry of that operation, including after timeouts and "
                                    "connection resets; never make a new key per attempt.",
                                    header));
  r.evidence = std::move(ev);
  detail::cap(r.evidence, 8);
  return r;
}

CheckResult grade_no_retry_client_errors(const Recording& rec) {
  const std::string id = "client.no-retry-client-errors";
  const auto& ex = rec.exchanges;
  std::map<int, int> seen;
  std::vector<Evidence> ev;
  for (const auto& c : retry_chains(rec)) {
    for (size_t k = 0; k < c.attempts.size(); ++k) {
      const ExchangeRecord& e = ex[c.attempts[k]];
      if (classify(e) != Outcome::client_error) continue;
      ++seen[e.client_status];
      if (k + 1 < c.attempts.size()) {
        const ExchangeRecord& next = ex[c.attempts[k + 1]];
        ev.push_back(
            about(e, "answered " + detail::seen(e), "no retry",
                  fmt::format("retried as #{} {:.0f} ms later", next.seq, delay_ms(e, next))));
      }
    }
  }
  if (seen.empty()) {
    return result(id, Status::inconclusive, "the client received no 400/401/403/404/422");
  }
  std::vector<std::string> parts;
  for (const auto& [status, n] : seen) parts.push_back(fmt::format("{} x{}", status, n));
  const std::string got = fmt::format("{}", fmt::join(parts, ", "));
  if (ev.empty()) return result(id, Status::pass, "client errors (" + got + ") were not retried");
  auto r =
      result(id, Status::fail,
             fmt::format("{} client error answer(s) were retried (received {})", ev.size(), got),
             "Never retry 400/401/403/404/422: fix the request or the credentials instead. "
             "Retry only 429, 500/502/503/504 and network errors.");
  r.evidence = std::move(ev);
  detail::cap(r.evidence, 6);
  return r;
}

CheckResult grade_bounded_attempts(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.bounded-attempts";
  const auto& ex = rec.exchanges;
  std::vector<Evidence> over, gave_up;
  for (const auto& c : retry_chains(rec)) {
    const ExchangeRecord& first = ex[c.attempts.front()];
    const ExchangeRecord& last = ex[c.attempts.back()];
    const int n = static_cast<int>(c.attempts.size());
    if (n > o.max_attempts) {
      over.push_back(about(
          first, fmt::format("attempted {} times", n),
          fmt::format("at most {} attempts", o.max_attempts),
          fmt::format("{} attempts, the last #{} answered {}", n, last.seq, detail::seen(last))));
    } else if (n >= 2 &&
               (classify(last) == Outcome::retryable || classify(last) == Outcome::dropped)) {
      gave_up.push_back(about(first, fmt::format("gave up after {} attempts", n),
                              fmt::format("at most {} attempts", o.max_attempts),
                              fmt::format("stopped while failing: last #{} answered {}", last.seq,
                                          detail::seen(last))));
    }
  }
  if (!over.empty()) {
    auto r = result(id, Status::fail,
                    fmt::format("{} operation(s) were attempted more than {} times", over.size(),
                                o.max_attempts),
                    "Cap the attempts per operation (4-5 in total is common) and surface the "
                    "error after the last one.");
    r.evidence = std::move(over);
    detail::cap(r.evidence, 4);
    return r;
  }
  if (gave_up.empty()) {
    return result(id, Status::inconclusive,
                  "no operation kept failing until the client gave up (the schedule's persistent "
                  "fault never applied)");
  }
  auto r = result(id, Status::pass,
                  fmt::format("the client gave up while failures continued, within {} attempts",
                              o.max_attempts));
  r.evidence = std::move(gave_up);
  detail::cap(r.evidence, 4);
  return r;
}

CheckResult grade_request_ids(const Recording& rec, const std::optional<std::string>& log_text) {
  const std::string id = "client.request-ids";
  const std::string& path = rec.header.client_log;
  if (path.empty()) {
    CheckResult r = result(id, Status::skip,
                           "no client log given (pass --client-log FILE to `bluum-golive audit`)");
    return r;
  }
  if (!log_text) return result(id, Status::inconclusive, "cannot read the client log " + path);
  std::vector<Evidence> missing;
  size_t total = 0;
  // The pack's request-id header (X-Request-Id), or an id carried in bodies only.
  const std::string what =
      rec.header.request_id_header.empty() ? "request id" : rec.header.request_id_header;
  for (const auto& e : rec.exchanges) {
    if (e.dropped || e.client_status == 0 || e.request_id.empty()) continue;
    ++total;
    if (log_text->find(e.request_id) == std::string::npos) {
      missing.push_back(
          about(e, "", what + " " + e.request_id + " in the client log", "not found"));
    }
  }
  if (total == 0) {
    return result(id, Status::inconclusive,
                  "no answer the client received carried a " + what +
                      (rec.header.request_id_header.empty()
                           ? " (this provider puts one in error bodies only, and no error came)"
                           : ""));
  }
  if (missing.empty()) {
    return result(
        id, Status::pass,
        fmt::format("all {} {} values the client received appear in {}", total, what, path));
  }
  auto r = result(id, Status::fail,
                  fmt::format("{} of {} {} values the client received are missing from {}",
                              missing.size(), total, what, path),
                  fmt::format("Log the {} of every response (and the trace id of error bodies) so "
                              "the vendor's support can find your requests.",
                              what));
  r.evidence = std::move(missing);
  detail::cap(r.evidence, 5);
  return r;
}

}  // namespace golive::audit
