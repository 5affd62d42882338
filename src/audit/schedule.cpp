#include "audit/schedule.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/file.hpp"
#include "core/yaml_load.hpp"

namespace golive::audit {

namespace {

// Statuses are the pack's documented ones (bind_schedule): `5xx` is the pack's server errors,
// since vendors document different ones (Bluum: 500 only). `on: money, per_kind: true` is the
// first operation of each money kind (Bluum: a deposit and a withdrawal; a payments API: a
// payment).
const char* k_default = R"(version: 1
name: default
description: 429 (seconds and HTTP-date), the first money movement of each kind dropped, 5xx in a row, a 400, a 401, a 5xx that never ends
faults:
  - {on: GET, nth: 1, fault: 429, retry_after: 1}
  - {on: money, per_kind: true, nth: 1, fault: drop}
  - {on: GET, nth: 2, fault: 429, retry_after: date+1}
  - {on: GET, nth: 3, fault: [5xx, 5xx, 5xx, 5xx], shuffle: true}
  - {on: write, nth: 2, fault: 400}
  - {on: GET, nth: 4, fault: 401}
  - {on: GET, nth: 5, fault: 5xx, count: 12}
)";

const char* k_none = R"(version: 1
name: none
description: no faults; the proxy only records
faults: []
)";

const char* k_dropped = R"(version: 1
name: dropped-response
description: the first money movement of each kind is forwarded, then its response is dropped
faults:
  - {on: money, per_kind: true, nth: 1, fault: drop}
)";

const std::map<std::string, Selector>& selectors() {
  static const std::map<std::string, Selector> m = {
      {"any", Selector::any},     {"GET", Selector::get},     {"POST", Selector::post},
      {"PUT", Selector::put},     {"PATCH", Selector::patch}, {"DELETE", Selector::del},
      {"write", Selector::write}, {"money", Selector::money}};
  return m;
}

std::vector<std::string> selector_names() {
  std::vector<std::string> names;
  for (const auto& [k, _] : selectors()) names.push_back(k);
  return names;
}

/// A money kind as a selector: lower case letters, digits, '-' and '_'.
bool kind_name(const std::string& s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

const std::set<int> k_statuses = {400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504};

struct Parser {
  std::string file;
  std::vector<Diagnostic> diags;

  SourceLoc at(const YAML::Node& n) const {
    const auto m = n.Mark();
    return SourceLoc{file, m.line + 1, m.column + 1};
  }
  void error(const YAML::Node& n, const std::string& msg) { diags.push_back({at(n), msg}); }

  void keys(const YAML::Node& map, const std::vector<std::string>& known) {
    for (const auto& kv : map) {
      if (!kv.first.IsScalar()) {
        error(kv.first, "keys must be plain strings");
        continue;
      }
      const auto k = kv.first.Scalar();
      if (std::find(known.begin(), known.end(), k) != known.end()) continue;
      auto hint = did_you_mean(k, known);
      error(kv.first,
            "unknown key '" + k + "'" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    }
  }

  std::optional<int> integer(const YAML::Node& n, const std::string& what, int lo, int hi) {
    try {
      int v = n.as<int>();
      if (v >= lo && v <= hi) return v;
    } catch (const YAML::Exception&) {
    }
    error(n, fmt::format("{} must be an integer in [{}, {}]", what, lo, hi));
    return std::nullopt;
  }

  std::optional<FaultStep> step(const YAML::Node& n) {
    FaultStep s;
    if (n.IsScalar() && n.Scalar() == "drop") return s;
    if (n.IsScalar() && n.Scalar() == "5xx") {
      s.server_error = true;
      return s;
    }
    if (auto v = n.IsScalar() ? integer(n, "fault", 100, 599) : std::nullopt; v) {
      if (k_statuses.count(*v)) {
        s.status = *v;
        return s;
      }
      error(n, fmt::format("fault {} is not injectable (drop, 5xx or one of 400 401 403 404 409 "
                           "422 429 500 502 503 504)",
                           *v));
      return std::nullopt;
    }
    if (!n.IsScalar()) error(n, "fault must be 'drop', '5xx', a status code or a list of them");
    return std::nullopt;
  }

  static std::optional<int> quiet_int(const YAML::Node& n, int lo, int hi) {
    try {
      int v = n.as<int>();
      if (v >= lo && v <= hi) return v;
    } catch (const YAML::Exception&) {
    }
    return std::nullopt;
  }

  /// retry_after: SECONDS | [MIN, MAX] | date+SECONDS | date+[MIN, MAX]
  void retry_after(const YAML::Node& n, Rule& rule) {
    bool date = false;
    YAML::Node value = n;
    if (n.IsScalar() && n.Scalar().rfind("date+", 0) == 0) {
      date = true;
      try {
        value = YAML::Load(n.Scalar().substr(5));
      } catch (const YAML::Exception&) {
        value = YAML::Node();
      }
    }
    std::optional<std::pair<int, int>> range;
    if (value.IsSequence() && value.size() == 2) {
      auto a = quiet_int(value[0], 0, 3600), b = quiet_int(value[1], 0, 3600);
      if (a && b && *a <= *b) range = std::pair{*a, *b};
    } else if (value.IsScalar()) {
      if (auto v = quiet_int(value, 0, 3600)) range = std::pair{*v, *v};
    }
    if (!range) {
      error(n,
            "retry_after must be SECONDS, [MIN, MAX], date+SECONDS or date+[MIN, MAX] (0..3600)");
      return;
    }
    for (auto& s : rule.steps) {
      s.retry_after_s = range;
      s.http_date = date;
    }
  }

  std::optional<Rule> rule(const YAML::Node& n) {
    if (!n.IsMap()) {
      error(n, "each fault must be a map {on, nth, fault, ...}");
      return std::nullopt;
    }
    keys(n, {"on", "nth", "fault", "count", "retry_after", "shuffle", "path", "per_kind"});
    Rule r;
    r.loc = at(n);
    if (!n["on"] || !n["fault"]) {
      error(n, "a fault needs 'on' and 'fault'");
      return std::nullopt;
    }
    const auto on = n["on"].as<std::string>("");
    if (selectors().count(on)) {
      r.on = selectors().at(on);
    } else if (kind_name(on)) {
      r.on = Selector::kind;  // a money kind of the pack, checked by bind_schedule()
      r.kind = on;
    } else {
      error(n["on"], fmt::format("unknown selector '{}' (known: {}, or a money kind of the "
                                 "provider pack such as deposit)",
                                 on, fmt::join(selector_names(), ", ")));
      return std::nullopt;
    }
    if (n["per_kind"]) {
      r.per_kind = n["per_kind"].as<bool>(false);
      if (r.per_kind && r.on != Selector::money) {
        error(n["per_kind"], "per_kind applies to 'on: money' only");
      }
    }
    if (n["nth"]) r.nth = integer(n["nth"], "nth", 1, 100000).value_or(1);
    if (n["path"]) r.path_contains = n["path"].as<std::string>("");
    if (n["shuffle"]) r.shuffle = n["shuffle"].as<bool>(false);
    const auto& f = n["fault"];
    if (f.IsSequence()) {
      for (const auto& item : f) {
        if (auto s = step(item)) r.steps.push_back(*s);
      }
    } else if (auto s = step(f)) {
      r.steps.push_back(*s);
    }
    if (n["count"]) {
      auto c = integer(n["count"], "count", 1, 1000);
      if (c && r.steps.size() == 1) r.steps.assign(static_cast<size_t>(*c), r.steps.front());
      if (c && f.IsSequence()) error(n["count"], "count applies to a single fault, not a list");
    }
    if (n["retry_after"]) retry_after(n["retry_after"], r);
    if (r.steps.empty()) return std::nullopt;
    return r;
  }

  Schedule parse(const YAML::Node& root) {
    Schedule s;
    if (!root.IsMap()) {
      diags.push_back({SourceLoc{file, 1, 1}, "a schedule is a map {version, name, faults}"});
      throw ConfigError(diags);
    }
    keys(root, {"version", "name", "description", "retry_window_s", "faults"});
    if (root["version"].as<int>(0) != 1) error(root, "version: 1 is required");
    s.name = root["name"].as<std::string>(file);
    s.description = root["description"].as<std::string>("");
    if (root["retry_window_s"]) {
      s.retry_window = std::chrono::seconds(
          integer(root["retry_window_s"], "retry_window_s", 1, 3600).value_or(30));
    }
    if (root["faults"] && !root["faults"].IsSequence())
      error(root["faults"], "faults must be a list");
    if (root["faults"] && root["faults"].IsSequence()) {
      for (const auto& n : root["faults"]) {
        if (auto r = rule(n)) s.rules.push_back(std::move(*r));
      }
    }
    if (!diags.empty()) throw ConfigError(diags);
    return s;
  }
};

Schedule parse_text(const std::string& text, const std::string& file) {
  Parser p{file, {}};
  try {
    auto docs = load_yaml_documents(text, file);
    return p.parse(docs.empty() ? YAML::Node() : docs.front());
  } catch (const YAML::Exception& e) {
    throw ConfigError(SourceLoc{file, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& builtin_schedules() {
  static const std::vector<std::pair<std::string, std::string>> v = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* text : {k_default, k_none, k_dropped}) {
      auto s = parse_text(text, "builtin");
      out.emplace_back(s.name, s.description);
    }
    return out;
  }();
  return v;
}

Schedule builtin_schedule(const std::string& name) {
  for (const char* text : {k_default, k_none, k_dropped}) {
    auto s = parse_text(text, "builtin");
    if (s.name == name) return s;
  }
  std::vector<std::string> names;
  for (const auto& [n, _] : builtin_schedules()) names.push_back(n);
  throw ConfigError(SourceLoc{"--schedule", 0, 0},
                    fmt::format("unknown schedule '{}' (built-in: {}; or a YAML file)", name,
                                fmt::join(names, ", ")));
}

Schedule load_schedule_file(const std::string& path) {
  FileText file = read_regular_file(path, k_max_config_bytes);
  if (!file.ok()) {
    throw ConfigError(SourceLoc{path, 0, 0}, "cannot read the schedule file: " + file.error);
  }
  return parse_text(*file.text, path);
}

Schedule resolve_schedule(const std::string& value) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool looks_like_file =
      value.find('/') != std::string::npos || value.ends_with(".yaml") || value.ends_with(".yml");
  if (fs::is_regular_file(value, ec) || looks_like_file) return load_schedule_file(value);
  return builtin_schedule(value);
}

Schedule bind_schedule(Schedule schedule, const ProviderPack& pack) {
  std::vector<Diagnostic> diags;
  const auto kinds = pack.money_kinds();
  std::vector<int> server;
  std::vector<std::string> injectable;
  for (const auto& [status, _] : pack.errors.injected) {
    injectable.push_back(std::to_string(status));
    if (status >= 500) server.push_back(status);
  }
  const std::string listed =
      injectable.empty() ? std::string("none") : fmt::format("{}", fmt::join(injectable, " "));
  for (auto& rule : schedule.rules) {
    if (rule.on == Selector::kind &&
        std::find(kinds.begin(), kinds.end(), rule.kind) == kinds.end()) {
      auto candidates = selector_names();
      candidates.insert(candidates.end(), kinds.begin(), kinds.end());
      const auto hint = did_you_mean(rule.kind, candidates);
      diags.push_back(
          {rule.loc,
           fmt::format("unknown selector '{}'{}: provider {} has the money "
                       "kinds {} (and the selectors {})",
                       rule.kind, hint.empty() ? "" : "; did you mean '" + hint + "'?", pack.name,
                       kinds.empty() ? "none" : fmt::format("{}", fmt::join(kinds, ", ")),
                       fmt::join(selector_names(), ", "))});
    }
    std::set<std::string> reported;
    size_t next_server = 0;
    for (auto& step : rule.steps) {
      std::string problem;
      if (step.server_error && server.empty()) {
        problem = fmt::format(
            "fault 5xx: provider {} documents no server error code "
            "(errors.injected lists {})",
            pack.name, listed);
      } else if (step.server_error) {
        step.status = server[next_server++ % server.size()];
        step.server_error = false;
      } else if (step.status != 0 && pack.errors.injected.count(step.status) == 0) {
        problem = fmt::format(
            "fault {}: provider {} documents no error code for it (errors."
            "injected lists {}; 5xx picks a documented server error)",
            step.status, pack.name, listed);
      }
      if (!problem.empty() && reported.insert(problem).second) diags.push_back({rule.loc, problem});
      // A vendor that sends delay-seconds only gets delay-seconds.
      if (step.http_date && pack.retry_after == "seconds") step.http_date = false;
    }
  }
  if (!diags.empty()) throw ConfigError(diags);
  return schedule;
}

std::string http_date(std::chrono::system_clock::time_point t) {
  // Day and month names are spelled out: RFC 9110 fixes them in English, whatever the locale.
  static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::tm tm = fmt::gmtime(std::chrono::system_clock::to_time_t(t));
  return fmt::format("{}, {:02d} {} {:04d} {:02d}:{:02d}:{:02d} GMT", days[tm.tm_wday % 7],
                     tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                     tm.tm_sec);
}

}  // namespace golive::audit
