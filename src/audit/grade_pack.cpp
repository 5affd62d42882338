// Grades that only some providers need, driven by the pack facts in the recording's header:
// network-header (headers required by mode), token-caching (token-exchange auth).
#include <cmath>
#include <map>

#include "audit/grade_util.hpp"
#include "audit/grader.hpp"

namespace golive::audit {

using detail::about;
using detail::note;
using detail::result;

namespace {

/// The value `modes` (a required header's values by mode) requires for `mode`; nullopt when it
/// says nothing for that mode.
std::optional<std::string> required_value(const std::map<std::string, std::string>& modes,
                                          const std::string& mode) {
  if (auto any = modes.find(""); any != modes.end()) return any->second;
  if (auto it = modes.find(mode); it != modes.end()) return it->second;
  return std::nullopt;
}

}  // namespace

CheckResult grade_network_header(const Recording& rec) {
  const std::string id = "client.network-header";
  const auto& required = rec.header.required_headers;
  if (required.empty()) {
    return result(id, Status::skip, "the provider requires no header by mode on its requests");
  }
  std::vector<Evidence> wrong;
  size_t checked = 0;
  std::map<std::string, std::map<std::string, size_t>> seen;  ///< header → value → requests
  for (const auto& e : rec.exchanges) {
    ++checked;
    // The key's own mode when its prefix shows one (key-prefix packs), else the profile's.
    const std::string mode = e.key_mode.empty() ? rec.header.mode : e.key_mode;
    for (const auto& [name, modes] : required) {
      const auto want = required_value(modes, mode);
      auto got = e.headers.find(name);
      if (got == e.headers.end()) {
        wrong.push_back(about(e, name, want ? *want : "the header", "absent"));
        continue;
      }
      ++seen[name][got->second];
      if (want && got->second != *want) {
        wrong.push_back(about(e, name,
                              fmt::format("{} (the {} mode of {})", *want, mode,
                                          e.key_mode.empty() ? "the profile" : "its key"),
                              got->second));
      }
    }
  }
  if (checked == 0) return result(id, Status::inconclusive, "the client sent no request");
  std::vector<std::string> names;
  for (const auto& [name, _] : required) names.push_back(name);
  const std::string listed = fmt::format("{}", fmt::join(names, ", "));
  if (wrong.empty()) {
    auto r = result(
        id, Status::pass,
        fmt::format("all {} requests carried {} agreeing with their key's mode", checked, listed));
    for (const auto& [name, values] : seen) {
      for (const auto& [value, n] : values) {
        r.evidence.push_back(note(name, "the value of the key's mode",
                                  fmt::format("{} on {} request(s)", value, n)));
      }
    }
    return r;
  }
  auto r = result(id, Status::fail,
                  fmt::format("{} header problem(s) on {} requests: {} must be on every request "
                              "and agree with the key's mode",
                              wrong.size(), checked, listed),
                  fmt::format("Send {} on every request, derived from the same setting as the "
                              "key (a test key with the test value, a live key with the live one).",
                              listed));
  r.evidence = std::move(wrong);
  detail::cap(r.evidence, 6);
  return r;
}

CheckResult grade_token_caching(const Recording& rec, const GradeOptions& o) {
  const std::string id = "client.token-caching";
  if (rec.header.token_path.empty()) {
    return result(id, Status::skip, "the provider's auth is not a token exchange");
  }
  std::map<std::string, std::vector<const ExchangeRecord*>> issued;  ///< scope → token answers
  std::optional<std::int64_t> lifetime_s;
  size_t api = 0;
  double end_ms = 0;
  for (const auto& e : rec.exchanges) {
    end_ms = std::max(end_ms, e.t_end_ms);
    if (e.token_request) {
      if (!e.token_issued) continue;  // a failed token request may be retried
      issued[e.token_scope.empty() ? "(no scope)" : e.token_scope].push_back(&e);
      if (e.token_expires_s && *e.token_expires_s > 0) {
        lifetime_s = std::min(lifetime_s.value_or(*e.token_expires_s), *e.token_expires_s);
      }
    } else if (e.auth.scheme == "bearer") {
      ++api;
    }
  }
  if (issued.empty()) {
    return result(id, Status::inconclusive,
                  "the client obtained no token through the proxy (no successful " +
                      rec.header.token_path + " request)");
  }
  if (api < 2) {
    return result(id, Status::inconclusive,
                  fmt::format("the client made {} API request(s) with a token: too few to show "
                              "whether it reuses one",
                              api));
  }
  const double run_s =
      static_cast<double>(std::max<std::int64_t>(rec.footer.duration_ms, 0)) / 1000.0;
  const double seconds = std::max(run_s, end_ms / 1000.0);
  const auto hours = static_cast<size_t>(std::max(1.0, std::ceil(seconds / 3600.0)));
  size_t allowed = static_cast<size_t>(o.tokens_per_hour) * hours;
  if (lifetime_s) allowed += static_cast<size_t>(seconds / static_cast<double>(*lifetime_s));
  size_t total = 0;
  std::vector<Evidence> ev;
  bool over = false;
  for (const auto& [scope, answers] : issued) {
    total += answers.size();
    over = over || answers.size() > allowed;
    ev.push_back(about(*answers.front(), "scope " + scope,
                       fmt::format("at most {} token(s) in {:.0f} s", allowed, seconds),
                       fmt::format("{} token(s) issued", answers.size())));
  }
  const bool per_request = total >= api;
  ev.push_back(note("API requests with a token", "many requests per token",
                    fmt::format("{} requests, {} token(s)", api, total)));
  if (!over && !per_request) {
    auto r = result(id, Status::pass,
                    fmt::format("{} token(s) for {} API requests in {:.0f} s: the client caches "
                                "its token",
                                total, api, seconds));
    r.evidence = std::move(ev);
    return r;
  }
  auto r = result(id, Status::fail,
                  per_request ? fmt::format("{} token requests for {} API requests: about one "
                                            "per request",
                                            total, api)
                              : fmt::format("more than {} token requests for one scope in {:.0f} s",
                                            allowed, seconds),
                  "Cache the token per scope and reuse it for every request until shortly before "
                  "it expires; the token endpoint is rate limited and blocks clients that ask "
                  "too often.");
  r.evidence = std::move(ev);
  return r;
}

}  // namespace golive::audit
