#include "watch/watch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>

#include "core/exit_codes.hpp"
#include "core/secret.hpp"
#include "engine/list_pages.hpp"
#include "net/json_body.hpp"

namespace golive::watch {

namespace {

constexpr int kPageSize = 100;
constexpr int kMaxPages = 5;         ///< per list per round
constexpr size_t kMaxParents = 100;  ///< parent ids a child list is polled for per round
constexpr size_t kMaxHttpFindings = 50;

using nlohmann::json;

/// A top-level field as a string ("" when absent; numbers and booleans as their JSON text).
std::string field(const json& item, const std::string& key) {
  if (!item.is_object()) return "";
  auto it = item.find(key);
  if (it == item.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

/// Unix seconds from a number, a string of digits, or ISO 8601 UTC ("2026-12-01T15:04:05Z").
std::optional<std::int64_t> unix_of(const json& item, const std::string& key) {
  if (!item.is_object()) return std::nullopt;
  auto it = item.find(key);
  if (it == item.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (!it->is_string()) return std::nullopt;
  const auto s = it->get<std::string>();
  if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      s.size() < 12) {
    return std::stoll(s);
  }
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (end == nullptr) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

/// The last sighting of one item.
struct Sighting {
  json item;
  std::int64_t seen_at = 0;
};

class Watcher {
 public:
  Watcher(const ProviderPack& pack, ProviderApi& api, Clock& clock, WatchReport& report)
      : pack_(pack), spec_(*pack.watch), api_(api), clock_(clock), report_(report) {}

  /// One polling round over every list and the webhook endpoints.
  void round() {
    std::map<std::string, std::vector<std::string>> ids;  // list name → ids seen this round
    for (const auto& list : spec_.lists) {
      const auto open = list.path.find('{');
      if (open == std::string::npos) {
        poll(list, list.path, ids[list.name]);
        continue;
      }
      const auto close = list.path.find('}', open);
      const auto parent = list.path.substr(open + 1, close - open - 1);
      const auto& parents = ids[parent];
      if (parents.size() > kMaxParents) {
        note(fmt::format("{}: polled for the first {} of {} {} only", list.name, kMaxParents,
                         parents.size(), parent));
      }
      for (size_t i = 0; i < parents.size() && i < kMaxParents; ++i) {
        const auto path = list.path.substr(0, open) + parents[i] + list.path.substr(close + 1);
        poll(list, path, ids[list.name]);
      }
    }
    if (spec_.webhooks && pack_.webhook.registration) poll_webhooks();
    ++report_.rounds;
  }

  /// Turns the last sightings into findings (stuck items at their last sighting).
  void finish() {
    for (const auto& list : spec_.lists) {
      for (const auto& [id, s] : seen_[list.name]) {
        if (auto f = stuck(list, id, s)) report_.findings.push_back(*f);
      }
    }
    for (const auto& [id, f] : webhooks_) report_.findings.push_back(f);
    report_.findings.insert(report_.findings.end(), http_.begin(), http_.end());
    size_t items = 0;
    for (const auto& [_, m] : seen_) items += m.size();
    report_.items = static_cast<int>(items);
  }

 private:
  std::int64_t now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_.wall_now().time_since_epoch())
        .count();
  }

  void note(const std::string& line) {
    if (std::find(report_.notes.begin(), report_.notes.end(), line) == report_.notes.end()) {
      report_.notes.push_back(line);
    }
  }

  /// Every 4xx/5xx attempt of `x` as an http finding (request id and code where known).
  void record_errors(const net::Exchange& x, const std::string& path) {
    auto add = [&](int status, const std::string& request_id, const std::string& code) {
      if (status < 400) return;
      if (http_.size() >= kMaxHttpFindings) {
        note(
            fmt::format("more than {} error answers: only the first are listed", kMaxHttpFindings));
        return;
      }
      Finding f;
      f.kind = "http";
      f.http_status = status;
      f.request_id = redact(request_id);
      f.code = redact(code);
      f.path = path;
      const auto* known = code.empty() ? nullptr : pack_.known_code(code);
      f.detail =
          fmt::format("GET {} answered {}{}{}", path, status, code.empty() ? "" : " " + f.code,
                      known ? " (" + known->meaning + ")" : "");
      http_.push_back(std::move(f));
    };
    const auto* resp = x.response();
    const size_t n = x.attempts.size();
    for (size_t i = 0; i + 1 < n; ++i) add(x.attempts[i].status, x.attempts[i].request_id, "");
    if (resp) {
      const auto err = read_api_error(pack_, *resp);
      add(resp->status, request_id_of(pack_, *resp), err.code);
    } else if (const auto* e = x.error()) {
      note(fmt::format("GET {}: no answer ({})", path, redact(e->message)));
    }
  }

  /// The items of every page of `path` (nullopt when the first page could not be read).
  std::optional<std::vector<json>> read_list(const std::string& path) {
    std::vector<json> out;
    std::string page_path = first_page_path(path, spec_.pagination, kPageSize);
    for (int page = 0; !page_path.empty(); ++page) {
      if (page == kMaxPages) {
        note(fmt::format("{}: only the first {} items are read", path, kMaxPages * kPageSize));
        break;
      }
      net::Request req = api_.request("GET", page_path);
      req.origin = "watch";
      const auto x = api_.send(std::move(req));
      report_.requests += std::max<int>(1, static_cast<int>(x.attempts.size()));
      record_errors(x, path);
      const auto* resp = x.response();
      if (!resp || resp->status != 200) return page == 0 ? std::nullopt : std::optional(out);
      const auto body = net::parse_json_body(*resp);
      const auto* items = body.value ? list_items(*body.value) : nullptr;
      if (!items) {
        note(fmt::format("GET {}: the answer is not a readable list", path));
        return page == 0 ? std::nullopt : std::optional(out);
      }
      ++report_.answered;
      out.insert(out.end(), items->begin(), items->end());
      page_path = next_page_path(path, spec_.pagination, *body.value, page, kPageSize);
    }
    return out;
  }

  void poll(const WatchList& list, const std::string& path, std::vector<std::string>& ids) {
    const auto items = read_list(path);
    if (!items) return;
    for (const auto& item : *items) {
      const auto id = field(item, spec_.id_field);
      if (id.empty()) continue;
      ids.push_back(id);
      seen_[list.name][id] = Sighting{item, now()};
    }
  }

  /// The finding for an item whose last sighting is stuck by one of the list's rules.
  std::optional<Finding> stuck(const WatchList& list, const std::string& id,
                               const Sighting& s) const {
    const auto status = field(s.item, spec_.status_field);
    const auto created = unix_of(s.item, spec_.created_field);
    if (!created) return std::nullopt;
    const auto age = s.seen_at - *created;
    for (const auto& rule : list.stuck) {
      if (std::find(rule.statuses.begin(), rule.statuses.end(), status) == rule.statuses.end())
        continue;
      const bool matches = std::all_of(rule.where.begin(), rule.where.end(), [&](const auto& w) {
        return field(s.item, w.first) == w.second;
      });
      if (!matches || age <= rule.after_s) continue;
      Finding f;
      f.kind = "stuck";
      f.list = list.name;
      f.id = redact(id);
      f.status = redact(status);
      f.age_s = age;
      f.after_s = rule.after_s;
      std::string where;
      for (const auto& [k, v] : rule.where) where += fmt::format(", {} {}", k, v);
      f.detail = fmt::format("{} {} is {} after {} (limit {}{})", list.name, f.id, f.status,
                             human_duration(age), human_duration(rule.after_s), redact(where));
      return f;
    }
    return std::nullopt;
  }

  void poll_webhooks() {
    const auto& reg = *pack_.webhook.registration;
    const auto items = read_list(reg.path);
    if (!items) return;
    for (const auto& item : *items) {
      const auto id = field(item, "id");
      const auto status = field(item, reg.status_field);
      std::string problem;
      if (!reg.is_active_status(status)) {
        problem = fmt::format("is {}", status.empty() ? "without status" : status);
      } else if (!spec_.webhook_failures.empty()) {
        json::json_pointer ptr(spec_.webhook_failures);
        if (item.contains(ptr)) {
          const auto& v = item.at(ptr);
          if ((v.is_number() && v.get<double>() > 0) || (v.is_boolean() && v.get<bool>())) {
            problem = fmt::format("is failing ({} = {})", spec_.webhook_failures, v.dump());
          }
        }
      }
      if (problem.empty()) {
        webhooks_.erase(id);  // recovered during the watch
        continue;
      }
      Finding f;
      f.kind = "webhook";
      f.list = "webhooks";
      f.id = redact(id);
      f.status = redact(status);
      f.detail = redact(fmt::format("webhook endpoint {} ({}) {}", id,
                                    net::redact_url(field(item, reg.url_field)), problem));
      webhooks_[id] = std::move(f);
    }
  }

 public:
  /// "3 d 4 h", "25 min", "40 s".
  static std::string human_duration(std::int64_t s) {
    if (s >= 86400) return fmt::format("{} d {} h", s / 86400, s % 86400 / 3600);
    if (s >= 3600) return fmt::format("{} h {} min", s / 3600, s % 3600 / 60);
    if (s >= 60) return fmt::format("{} min", s / 60);
    return fmt::format("{} s", s);
  }

 private:
  const ProviderPack& pack_;
  const WatchSpec& spec_;
  ProviderApi& api_;
  Clock& clock_;
  WatchReport& report_;
  std::map<std::string, std::map<std::string, Sighting>> seen_;
  std::map<std::string, Finding> webhooks_;
  std::vector<Finding> http_;
};

}  // namespace

double polite_rate(const ProviderPack& pack, EnvKind kind) {
  const double limit = pack.rate_per_s(kind);
  if (limit <= 0) return 1.0;
  return std::clamp(limit / 5.0, 0.2, 5.0);
}

WatchReport run_watch(const ProviderPack& pack, ProviderApi& api, Clock& clock,
                      const WatchOptions& options,
                      const std::function<void(const std::string&)>& progress) {
  WatchReport report;
  report.interval_s = static_cast<int>(options.interval.count() > 0 ? options.interval.count()
                                                                    : pack.watch->interval_s);
  Watcher w(pack, api, clock, report);
  const auto start = clock.now();
  const auto end = start + options.duration;
  for (;;) {
    const auto round_start = clock.now();
    w.round();
    if (progress) {
      const auto elapsed =
          std::chrono::duration_cast<std::chrono::seconds>(clock.now() - start).count();
      progress(fmt::format("watch: round {} at {} s: {} requests so far, {} answered",
                           report.rounds, elapsed, report.requests, report.answered));
    }
    // The last round is the one after which the next would start past the window.
    const auto next = round_start + std::chrono::seconds(report.interval_s);
    if (next >= end) break;
    if (clock.now() < next) {
      clock.sleep_for(std::chrono::duration_cast<std::chrono::milliseconds>(next - clock.now()));
    }
  }
  w.finish();
  // The provider's own trouble (5xx, 429) with nothing read is inconclusive, like `check`;
  // anything else found needs a human.
  const bool own_trouble_only =
      std::all_of(report.findings.begin(), report.findings.end(), [](const Finding& f) {
        return f.kind == "http" && (f.http_status >= 500 || f.http_status == 429);
      });
  if (report.answered == 0 && own_trouble_only) {
    report.exit_code = exit_code::inconclusive;
    report.verdict = "INCONCLUSIVE";
  } else if (!report.findings.empty()) {
    report.exit_code = exit_code::not_ready;
    report.verdict = "ATTENTION NEEDED";
  } else {
    report.exit_code = exit_code::ready;
    report.verdict = "QUIET";
  }
  return report;
}

}  // namespace golive::watch
