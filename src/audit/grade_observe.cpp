// Grades about what support and the vendor see of the client: trace-ids, throttling,
// credentials. Each reads the provider facts from the recording's header.
#include <algorithm>
#include <set>

#include "audit/grade_util.hpp"
#include "audit/grader.hpp"

namespace golive::audit {

using detail::about;
using detail::note;
using detail::result;

CheckResult grade_trace_ids(const Recording& rec, const std::optional<std::string>& log_text) {
  const std::string id = "client.trace-ids";
  std::vector<const ExchangeRecord*> traced;
  for (const auto& e : rec.exchanges) {
    if (!e.trace_id.empty() && !e.dropped && e.client_status != 0) traced.push_back(&e);
  }
  if (traced.empty()) {
    return result(id, Status::inconclusive,
                  "no injected error carried a trace id (no error was injected, or the provider's "
                  "error body has no trace id)");
  }
  const std::string& path = rec.header.client_log;
  if (path.empty()) {
    return result(id, Status::inconclusive,
                  fmt::format("{} injected error(s) carried a trace id, but no client log was "
                              "given (pass --client-log FILE to `bluum-golive audit`)",
                              traced.size()));
  }
  if (!log_text) return result(id, Status::inconclusive, "cannot read the client log " + path);
  std::vector<Evidence> missing;
  for (const ExchangeRecord* e : traced) {
    if (log_text->find(e->trace_id) == std::string::npos) {
      missing.push_back(
          about(*e, "error body trace id", e->trace_id + " in the client log", "not found"));
    }
  }
  if (missing.empty()) {
    auto r = result(
        id, Status::pass,
        fmt::format("all {} trace ids of injected error bodies appear in {}", traced.size(), path));
    r.evidence.push_back(about(*traced.front(), "error body trace id",
                               traced.front()->trace_id + " in the client log", "found"));
    return r;
  }
  auto r = result(id, Status::fail,
                  fmt::format("{} of {} trace ids of injected error bodies are missing from {}",
                              missing.size(), traced.size(), path),
                  "Log the trace id of every error body (and the request id of every response) "
                  "next to the error, so the vendor's support can find the failed request.");
  r.evidence = std::move(missing);
  detail::cap(r.evidence, 5);
  return r;
}

CheckResult grade_throttling(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.throttling";
  const auto& limit = rec.header.rate_limit;
  const std::string mode = rec.header.mode.empty() ? "this" : rec.header.mode;
  if (!limit || limit->limit <= 0 || limit->per_s <= 0) {
    return result(id, Status::skip,
                  fmt::format("the provider publishes no request rate limit for {} mode", mode));
  }
  std::vector<const ExchangeRecord*> ex;
  for (const auto& e : rec.exchanges) ex.push_back(&e);
  std::sort(ex.begin(), ex.end(), [](const ExchangeRecord* a, const ExchangeRecord* b) {
    return a->t_start_ms < b->t_start_ms;
  });
  const std::string published =
      fmt::format("{} requests per {} s ({})", limit->limit, limit->per_s, mode);
  if (ex.size() <= static_cast<size_t>(limit->limit)) {
    return result(id, Status::inconclusive,
                  fmt::format("the client sent {} request(s) in all, never more than the "
                              "published limit of {}: the run could not show throttling",
                              ex.size(), published));
  }
  // The largest number of requests that started within one window; the window is shortened by
  // the slack so a client pacing exactly at the limit is not failed by arrival jitter.
  const double window = limit->per_s * 1000.0 - o.rate_window_slack_ms;
  size_t peak = 0, peak_from = 0;
  for (size_t i = 0, j = 0; j < ex.size(); ++j) {
    while (ex[j]->t_start_ms - ex[i]->t_start_ms >= window) ++i;
    if (j - i + 1 > peak) {
      peak = j - i + 1;
      peak_from = i;
    }
  }
  const ExchangeRecord& first = *ex[peak_from];
  const ExchangeRecord& last = *ex[peak_from + peak - 1];
  const std::string observed = fmt::format("{} requests from #{} to #{} within {:.0f} ms", peak,
                                           first.seq, last.seq, last.t_start_ms - first.t_start_ms);
  Evidence ev = about(first, "busiest window", fmt::format("at most {}", published), observed);
  if (peak <= static_cast<size_t>(limit->limit)) {
    auto r = result(id, Status::pass,
                    fmt::format("at most {} requests started within any {} s ({} requests in "
                                "all; published limit {})",
                                peak, limit->per_s, ex.size(), published));
    r.evidence.push_back(std::move(ev));
    return r;
  }
  auto r = result(
      id, Status::fail,
      fmt::format("{} requests started within {} s: over the published limit of {}", peak,
                  limit->per_s, published),
      fmt::format("Throttle on the client side (a token bucket or a request queue) so no more "
                  "than {} requests leave in any {} s, per key; the vendor answers 429 above it.",
                  limit->limit, limit->per_s));
  r.evidence.push_back(std::move(ev));
  return r;
}

CheckResult grade_credentials(const Recording& rec) {
  const std::string id = "client.credentials";
  const auto& expected = rec.header.credentials;
  const std::string profile = rec.header.profile.empty() ? "the profile" : rec.header.profile;
  if (expected.empty()) {
    return result(id, Status::inconclusive,
                  "the audited profile's credentials were not resolved, so there is nothing to "
                  "compare the client's with");
  }
  size_t matched = 0, unverified = 0;
  std::vector<Evidence> wrong;
  std::set<std::string> seen_wrong;
  for (const auto& e : rec.exchanges) {
    bool compared = false, ok = true;
    for (const auto& [name, fp] : e.auth.credentials) {
      auto it = expected.find(name);
      if (it == expected.end()) continue;
      compared = true;
      if (fp == it->second.fingerprint) continue;
      ok = false;
      if (seen_wrong.insert(name + " " + fp).second) {
        wrong.push_back(about(
            e, name,
            fmt::format("{} of {} ({})", it->second.fingerprint, profile, it->second.source), fp));
      }
    }
    if (!compared) {
      ++unverified;
    } else if (ok) {
      ++matched;
    }
  }
  if (!wrong.empty()) {
    auto r = result(id, Status::fail,
                    fmt::format("the client authenticated with credentials that are not those "
                                "of profile {} ({} distinct)",
                                profile, wrong.size()),
                    "Deploy the client with this environment's credentials (the same source the "
                    "profile reads) and restart it; compare fingerprints, never values.");
    r.evidence = std::move(wrong);
    detail::cap(r.evidence, 4);
    return r;
  }
  if (matched == 0) {
    return result(id, Status::inconclusive,
                  fmt::format("no request showed which credentials the client uses ({} without "
                              "credentials the proxy could read)",
                              unverified));
  }
  std::vector<std::string> fps;
  for (const auto& [name, c] : expected) fps.push_back(name + " " + c.fingerprint);
  auto r = result(id, Status::pass,
                  fmt::format("all {} authenticated requests used the credentials of profile {} "
                              "({}){}",
                              matched, profile, fmt::join(fps, ", "),
                              unverified == 0 ? std::string()
                                              : fmt::format("; {} request(s) carried none the "
                                                            "proxy could read",
                                                            unverified)));
  for (const auto& [name, c] : expected) {
    r.evidence.push_back(note(name, c.fingerprint + " (" + c.source + ")", c.fingerprint));
  }
  return r;
}

}  // namespace golive::audit
