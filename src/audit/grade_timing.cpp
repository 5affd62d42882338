// Grades about timing: honours-retry-after, backoff-growth, backoff-jitter.
#include <algorithm>
#include <numeric>

#include "audit/grade_util.hpp"
#include "audit/grader.hpp"

namespace golive::audit {

using detail::about;
using detail::note;
using detail::result;

namespace {

/// One run of consecutive failures without Retry-After inside a retry chain: the failed
/// attempts and the delay after each (the attempt that follows is in the same chain).
struct BackoffRun {
  std::vector<const ExchangeRecord*> failures;
  std::vector<double> delays;
};

bool backoff_failure(const ExchangeRecord& e) {
  const Outcome o = classify(e);
  return (o == Outcome::retryable || o == Outcome::dropped) && !e.retry_after_ms;
}

std::vector<BackoffRun> backoff_runs(const Recording& rec) {
  const auto& ex = rec.exchanges;
  std::vector<BackoffRun> runs;
  for (const auto& c : retry_chains(rec)) {
    BackoffRun run;
    for (size_t k = 0; k + 1 < c.attempts.size(); ++k) {
      const ExchangeRecord& a = ex[c.attempts[k]];
      if (!backoff_failure(a)) {
        if (!run.delays.empty()) runs.push_back(std::move(run));
        run = BackoffRun{};
        continue;
      }
      run.failures.push_back(&a);
      run.delays.push_back(delay_ms(a, ex[c.attempts[k + 1]]));
    }
    if (!run.delays.empty()) runs.push_back(std::move(run));
  }
  return runs;
}

double mean(const std::vector<double>& v, size_t from, size_t to) {
  return std::accumulate(v.begin() + static_cast<std::ptrdiff_t>(from),
                         v.begin() + static_cast<std::ptrdiff_t>(to), 0.0) /
         static_cast<double>(to - from);
}

/// Later delays clearly longer than earlier ones (20 ms and 1.5x margins absorb noise and
/// still accept full jitter, whose single samples need not grow).
bool grows(const std::vector<double>& d) {
  const double first = d.front();
  const double later_max = *std::max_element(d.begin() + 1, d.end());
  const size_t half = d.size() / 2;
  const double early = mean(d, 0, half), late = mean(d, half, d.size());
  return later_max > std::max(1.5 * first, first + 20) || late > std::max(1.5 * early, early + 20);
}

std::string statuses(const BackoffRun& run) {
  std::vector<std::string> s;
  for (const auto* e : run.failures)
    s.push_back(e->dropped ? "dropped" : std::to_string(e->client_status));
  return fmt::format("{}", fmt::join(s, ", "));
}

}  // namespace

CheckResult grade_honours_retry_after(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.honours-retry-after";
  const auto& ex = rec.exchanges;
  std::vector<Evidence> ok, early;
  int seconds_form = 0, date_form = 0;
  for (const auto& c : retry_chains(rec)) {
    for (size_t k = 0; k + 1 < c.attempts.size(); ++k) {
      const ExchangeRecord& a = ex[c.attempts[k]];
      if (!a.retry_after_ms || classify(a) != Outcome::retryable) continue;
      const ExchangeRecord& b = ex[c.attempts[k + 1]];
      const double waited = delay_ms(a, b);
      ++(a.retry_after_date ? date_form : seconds_form);
      auto e = about(a,
                     fmt::format("{} Retry-After: {} ({} form)", a.client_status, a.retry_after,
                                 a.retry_after_date ? "HTTP-date" : "seconds"),
                     fmt::format("next attempt >= {} ms later", *a.retry_after_ms),
                     fmt::format("#{} {:.0f} ms later", b.seq, waited));
      (waited + o.retry_after_slack_ms >= static_cast<double>(*a.retry_after_ms) ? ok : early)
          .push_back(std::move(e));
    }
  }
  if (ok.empty() && early.empty()) {
    return result(id, Status::inconclusive, "no answer with Retry-After was followed by a retry");
  }
  std::string forms = fmt::format("seconds form x{}, HTTP-date form x{}", seconds_form, date_form);
  if (seconds_form == 0 || date_form == 0) {
    forms += seconds_form == 0 ? "; seconds form not observed" : "; HTTP-date form not observed";
  }
  if (early.empty()) {
    auto r = result(id, Status::pass,
                    fmt::format("{} retries waited at least Retry-After ({})", ok.size(), forms));
    r.evidence = std::move(ok);
    detail::cap(r.evidence, 4);
    return r;
  }
  auto r = result(id, Status::fail,
                  fmt::format("{} of {} retries came before Retry-After ({})", early.size(),
                              early.size() + ok.size(), forms),
                  "Parse Retry-After in both forms (delay-seconds and HTTP-date, RFC 9110 "
                  "§10.2.3) and wait at least that long before the next attempt.");
  r.evidence = std::move(early);
  detail::cap(r.evidence, 6);
  return r;
}

CheckResult grade_backoff_growth(const Recording& rec) {
  const std::string id = "client.backoff-growth";
  std::vector<Evidence> grew, flat;
  for (const auto& run : backoff_runs(rec)) {
    if (run.delays.size() < 2) continue;
    auto e = about(*run.failures.front(),
                   fmt::format("{} consecutive failures ({})", run.failures.size(), statuses(run)),
                   "delays that grow", "delays " + detail::join_ms(run.delays));
    (grows(run.delays) ? grew : flat).push_back(std::move(e));
  }
  if (grew.empty() && flat.empty()) {
    return result(id, Status::inconclusive,
                  "no operation failed twice in a row without Retry-After (need 2 consecutive "
                  "backoff delays)");
  }
  if (!grew.empty()) {
    auto r = result(id, Status::pass, "backoff delays grew across consecutive failures");
    r.evidence = std::move(grew);
    for (auto& e : flat) r.evidence.push_back(std::move(e));
    detail::cap(r.evidence, 4);
    return r;
  }
  auto r = result(id, Status::fail,
                  fmt::format("backoff delays did not grow across consecutive failures ({} "
                              "series)",
                              flat.size()),
                  "Back off exponentially: the delay ceiling doubles with each consecutive "
                  "failure (base * 2^n, capped), e.g. 100 ms, 200 ms, 400 ms ...");
  r.evidence = std::move(flat);
  detail::cap(r.evidence, 4);
  return r;
}

CheckResult grade_backoff_jitter(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.backoff-jitter";
  const auto runs = backoff_runs(rec);
  std::vector<std::vector<double>> by_position;
  size_t samples = 0;
  std::string why;
  for (const auto& run : runs) {
    samples += run.delays.size();
    for (size_t p = 0; p < run.delays.size(); ++p) {
      if (by_position.size() <= p) by_position.resize(p + 1);
      by_position[p].push_back(run.delays[p]);
    }
    // Within one run: a deterministic series keeps a constant ratio (fixed or exponential).
    const auto& d = run.delays;
    if (d.size() >= 3 && why.empty()) {
      std::vector<double> ratios;
      for (size_t i = 0; i + 1 < d.size(); ++i) ratios.push_back(d[i + 1] / std::max(d[i], 1.0));
      const auto [lo, hi] = std::minmax_element(ratios.begin(), ratios.end());
      const double spread =
          *std::max_element(d.begin(), d.end()) - *std::min_element(d.begin(), d.end());
      if (*hi > 1.5 * *lo && spread > 20) why = "irregular series " + detail::join_ms(d);
    }
  }
  for (size_t p = 0; p < by_position.size() && why.empty(); ++p) {
    const auto& v = by_position[p];
    if (v.size() < 2) continue;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    if (*hi - *lo > std::max(20.0, 0.25 * mean(v, 0, v.size()))) {
      why = fmt::format("retry {} waited {:.0f}-{:.0f} ms across {} operations", p + 1, *lo, *hi,
                        v.size());
    }
  }
  std::vector<double> all;
  for (const auto& run : runs) all.insert(all.end(), run.delays.begin(), run.delays.end());
  if (samples < o.min_jitter_samples) {
    return result(
        id, Status::inconclusive,
        fmt::format("only {} backoff delay(s) observed (need {})", samples, o.min_jitter_samples));
  }
  Evidence e = note(fmt::format("{} backoff delays after failures without Retry-After", samples),
                    "randomised delays (jitter)", detail::join_ms(all));
  if (!why.empty()) {
    auto r = result(id, Status::pass, "backoff delays are randomised: " + why);
    r.evidence.push_back(std::move(e));
    return r;
  }
  auto r = result(id, Status::fail,
                  "backoff delays follow a fixed series (no jitter): " + detail::join_ms(all),
                  "Randomise every delay (full jitter: uniform in [0, min(cap, base * 2^n)]) so "
                  "clients hit by the same outage do not retry in lockstep.");
  r.evidence.push_back(std::move(e));
  return r;
}

}  // namespace golive::audit
