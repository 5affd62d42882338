// Reads and validates providers/<name>/pack.yaml (schema: providers/README.md).
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "core/yaml_load.hpp"
#include "engine/provider.hpp"
#include "engine/provider_errors.hpp"
#include "profile/yaml_reader.hpp"

namespace golive {

namespace {

using profile::detail::Entry;
using profile::detail::Fields;
using profile::detail::Reader;

std::optional<EnvKind> kind_of(Reader& r, const Entry& e) {
  auto s = r.choice(e, {"sandbox", "production"});
  if (!s) return std::nullopt;
  return *s == "production" ? EnvKind::production : EnvKind::sandbox;
}

/// A scalar or a list of scalars.
std::vector<std::string> strings(Reader& r, const Entry& e) {
  std::vector<std::string> out;
  if (e.value.IsScalar()) {
    if (auto s = r.string(e)) out.push_back(*s);
    return out;
  }
  if (!e.value.IsSequence()) {
    r.error(e, "'" + e.key + "' must be a string or a list of strings");
    return out;
  }
  for (const auto& item : e.value) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      r.error(r.loc(item), "'" + e.key + "' entries must be non-empty strings");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

/// A list of JSON pointers ("/error/code").
std::vector<std::string> pointers(Reader& r, const Entry& e) {
  auto out = strings(r, e);
  for (const auto& p : out) {
    if (p.empty() || p.front() != '/') {
      r.error(e, "'" + e.key + "' entries must be JSON pointers such as /error/code");
      break;
    }
  }
  return out;
}

std::map<std::string, std::string> string_map(Reader& r, const Entry& e) {
  std::map<std::string, std::string> out;
  auto entries = r.entries(e);
  if (!entries) return out;
  for (const auto& kv : *entries) {
    if (auto s = r.string(kv)) out[kv.key] = *s;
  }
  return out;
}

std::optional<Fields> mapping(Reader& r, const Entry& e, const std::vector<std::string>& allowed,
                              const std::vector<std::string>& required = {}) {
  return r.fields(e, allowed, required);
}

void read_hosts(Reader& r, const Entry& e, ProviderPack& p) {
  if (!e.value.IsSequence()) {
    r.error(e, "'hosts' must be a list of {host, modes, legacy}");
    return;
  }
  size_t i = 0;
  for (const auto& node : e.value) {
    Entry item{"hosts", "hosts." + std::to_string(i++), node, node};
    auto f = mapping(r, item, {"host", "modes", "legacy"}, {"host", "modes"});
    if (!f) continue;
    PackHost h;
    if (const Entry* v = f->get("host")) {
      if (auto s = r.string(*v)) {
        h.host = normalise_host(*s);
        if (h.host.empty() || h.host != *s) {
          r.error(*v, "'host' must be a lower-case host name without port or trailing dot");
        }
      }
    }
    if (const Entry* v = f->get("modes")) {
      for (const auto& m : strings(r, *v)) {
        if (m == "sandbox" || m == "production") {
          h.modes.push_back(m == "production" ? EnvKind::production : EnvKind::sandbox);
        } else {
          r.error(*v, "'modes' entries must be sandbox or production");
        }
      }
    }
    if (const Entry* v = f->get("legacy")) h.legacy = r.boolean(*v).value_or(false);
    p.hosts.push_back(std::move(h));
  }
}

void read_auth(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(r, e, {"strategy", "user", "password", "credential", "token"}, {"strategy"});
  if (!f) return;
  if (const Entry* v = f->get("strategy")) {
    auto s = r.choice(*v, {"basic", "bearer", "token-exchange"});
    if (s == "bearer") p.auth.strategy = AuthStrategy::bearer;
    if (s == "token-exchange") p.auth.strategy = AuthStrategy::token_exchange;
  }
  if (const Entry* v = f->get("user")) p.auth.user = r.string(*v).value_or("");
  if (const Entry* v = f->get("password")) p.auth.password = r.string(*v).value_or("");
  if (const Entry* v = f->get("credential")) p.auth.credential = r.string(*v).value_or("");
  if (const Entry* v = f->get("token")) {
    auto t = mapping(r, *v,
                     {"path", "credential", "headers", "scope", "token_field", "expires_field",
                      "refresh_before_s"},
                     {"path", "scope"});
    if (t) {
      auto& spec = p.auth.token;
      if (const Entry* x = t->get("path")) spec.path = r.string(*x).value_or("/token");
      if (const Entry* x = t->get("credential")) spec.credential = r.string(*x).value_or("");
      if (const Entry* x = t->get("headers")) spec.headers = string_map(r, *x);
      if (const Entry* x = t->get("scope")) spec.scope = r.string(*x).value_or("");
      if (const Entry* x = t->get("token_field")) spec.token_field = r.string(*x).value_or("");
      if (const Entry* x = t->get("expires_field")) spec.expires_field = r.string(*x).value_or("");
      if (const Entry* x = t->get("refresh_before_s")) {
        spec.refresh_before_s = r.positive(*x).value_or(300);
      }
    }
  } else if (p.auth.strategy == AuthStrategy::token_exchange) {
    r.error(e, "'auth' with strategy token-exchange needs a 'token' mapping");
  }
}

void read_headers(Reader& r, const Entry& e, ProviderPack& p) {
  auto entries = r.entries(e);
  if (!entries) return;
  for (const auto& kv : *entries) {
    HeaderRule h;
    h.name = kv.key;
    if (kv.value.IsScalar()) {
      h.value = r.string(kv).value_or("");
    } else if (auto f = mapping(r, kv, {"sandbox", "production"}, {"sandbox", "production"})) {
      for (const auto& m : f->all()) {
        if (auto s = r.string(m)) {
          h.by_mode[m.key == "production" ? EnvKind::production : EnvKind::sandbox] = *s;
        }
      }
    }
    p.headers.push_back(std::move(h));
  }
}

void read_mode(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(r, e, {"from", "credential", "prefixes"}, {"from"});
  if (!f) return;
  if (const Entry* v = f->get("from")) {
    auto s = r.choice(*v, {"host", "key-prefix", "profile"});
    if (s == "key-prefix") p.mode.from = ModeSource::key_prefix;
    if (s == "profile") p.mode.from = ModeSource::profile;
  }
  if (const Entry* v = f->get("credential")) p.mode.credential = r.string(*v).value_or("");
  if (const Entry* v = f->get("prefixes")) {
    if (auto m = mapping(r, *v, {"sandbox", "production"}, {"sandbox", "production"})) {
      for (const auto& kv : m->all()) {
        if (auto s = r.string(kv)) {
          p.mode.prefixes[kv.key == "production" ? EnvKind::production : EnvKind::sandbox] = *s;
        }
      }
    }
  }
  if (p.mode.from == ModeSource::key_prefix && p.mode.prefixes.size() != 2) {
    r.error(e, "'mode' from key-prefix needs 'prefixes' for sandbox and production");
  }
}

void read_key_patterns(Reader& r, const Entry& e, ProviderPack& p, PackChecks checks) {
  if (!e.value.IsSequence()) {
    r.error(e, "'key_patterns' must be a list of {pattern, mode}");
    return;
  }
  size_t i = 0;
  for (const auto& node : e.value) {
    Entry item{"key_patterns", "key_patterns." + std::to_string(i++), node, node};
    auto f = mapping(r, item, {"pattern", "mode"}, {"pattern", "mode"});
    if (!f) continue;
    KeyPattern k;
    if (const Entry* v = f->get("pattern")) {
      k.pattern = r.string(*v).value_or("");
      try {
        if (checks == PackChecks::full) std::regex check(k.pattern);
      } catch (const std::regex_error& ex) {
        r.error(*v, std::string("'pattern' is not a valid regular expression: ") + ex.what());
      }
    }
    if (const Entry* v = f->get("mode")) k.mode = kind_of(r, *v).value_or(EnvKind::production);
    p.key_patterns.push_back(std::move(k));
  }
}

void read_errors(Reader& r, const Entry& e, ProviderPack& p, PackChecks checks) {
  auto f = mapping(r, e,
                   {"code", "message", "detail", "type", "param", "request_id", "code_pattern",
                    "code_status_group", "codes", "not_found_path", "template", "injected"},
                   {"code", "message"});
  if (!f) return;
  auto& s = p.errors;
  if (const Entry* v = f->get("code")) s.code = pointers(r, *v);
  if (const Entry* v = f->get("message")) s.message = pointers(r, *v);
  if (const Entry* v = f->get("detail")) s.detail = pointers(r, *v);
  if (const Entry* v = f->get("type")) s.type = pointers(r, *v);
  if (const Entry* v = f->get("param")) s.param = pointers(r, *v);
  if (const Entry* v = f->get("request_id")) s.request_id = pointers(r, *v);
  if (const Entry* v = f->get("code_pattern")) {
    if (auto pat = r.string(*v)) {
      try {
        if (checks == PackChecks::full) std::regex check(*pat);
        s.code_pattern = *pat;
      } catch (const std::regex_error& ex) {
        r.error(*v, std::string("'code_pattern' is not a valid regular expression: ") + ex.what());
      }
    }
  }
  if (const Entry* v = f->get("not_found_path")) {
    s.not_found_path = r.string(*v).value_or("");
    if (!s.not_found_path.empty() && s.not_found_path.front() != '/') {
      r.error(*v, "'not_found_path' must start with '/'");
    }
  }
  if (const Entry* v = f->get("code_status_group")) {
    s.code_status_group = r.positive(*v).value_or(0);
  }
  if (const Entry* v = f->get("codes")) {
    if (auto codes = r.entries(*v)) {
      for (const auto& kv : *codes) {
        auto c = mapping(r, kv, {"meaning", "fix"}, {"meaning"});
        if (!c) continue;
        KnownCode k;
        if (const Entry* x = c->get("meaning")) k.meaning = r.string(*x).value_or("");
        if (const Entry* x = c->get("fix")) k.fix = r.string(*x).value_or("");
        s.codes[kv.key] = std::move(k);
      }
    }
  }
  detail::read_error_answers(r, *f, p);
}

void read_rate_limits(Reader& r, const Entry& e, ProviderPack& p) {
  if (!e.value.IsSequence()) {
    r.error(e, "'rate_limits' must be a list of {mode, scope, limit, per_s}");
    return;
  }
  size_t i = 0;
  for (const auto& node : e.value) {
    Entry item{"rate_limits", "rate_limits." + std::to_string(i++), node, node};
    auto f = mapping(r, item, {"mode", "scope", "limit", "per_s"}, {"limit", "per_s"});
    if (!f) continue;
    RateLimit l;
    if (const Entry* v = f->get("mode")) l.mode = kind_of(r, *v);
    if (const Entry* v = f->get("scope"))
      l.scope = r.choice(*v, {"requests", "token"}).value_or("");
    if (const Entry* v = f->get("limit")) l.limit = r.positive(*v).value_or(0);
    if (const Entry* v = f->get("per_s")) l.per_s = r.positive(*v).value_or(1);
    p.rate_limits.push_back(l);
  }
}

void read_idempotency(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(r, e, {"header", "conflict_status", "conflict_code", "ttl_h"},
                   {"header", "conflict_status"});
  if (!f) return;
  IdempotencySpec s;
  if (const Entry* v = f->get("header")) s.header = r.string(*v).value_or("");
  if (const Entry* v = f->get("conflict_status")) s.conflict_status = r.positive(*v).value_or(409);
  if (const Entry* v = f->get("conflict_code")) s.conflict_code = r.string(*v).value_or("");
  if (const Entry* v = f->get("ttl_h")) s.ttl_h = r.positive(*v).value_or(24);
  p.idempotency = s;
}

void read_money(Reader& r, const Entry& e, ProviderPack& p) {
  if (!e.value.IsSequence()) {
    r.error(e, "'money' must be a list of {method, path, kind}");
    return;
  }
  size_t i = 0;
  for (const auto& node : e.value) {
    Entry item{"money", "money." + std::to_string(i++), node, node};
    auto f = mapping(r, item, {"method", "path", "kind"}, {"method", "path", "kind"});
    if (!f) continue;
    MoneyEndpoint m;
    if (const Entry* v = f->get("method")) {
      m.method = r.choice(*v, {"POST", "PUT", "PATCH", "DELETE"}).value_or("");
    }
    if (const Entry* v = f->get("path")) {
      m.path = r.string(*v).value_or("");
      if (!m.path.empty() && m.path.front() != '/') r.error(*v, "'path' must start with '/'");
    }
    if (const Entry* v = f->get("kind")) m.kind = r.string(*v).value_or("");
    p.money.push_back(std::move(m));
  }
}

void read_jobs(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(r, e,
                   {"path", "steps", "status_field", "failed", "running", "code", "source",
                    "source_ids", "id_name", "refresh"},
                   {"path", "failed"});
  if (!f) return;
  JobSpec j;
  auto path = [&](const Entry& v) {
    std::string s = r.string(v).value_or("");
    if (s.empty() || s.front() != '/') r.error(v, "'" + v.key + "' must start with '/'");
    return s;
  };
  if (const Entry* v = f->get("path")) j.path = path(*v);
  if (const Entry* v = f->get("steps")) j.steps = path(*v);
  if (const Entry* v = f->get("status_field")) j.status_field = r.string(*v).value_or("status");
  if (const Entry* v = f->get("failed")) j.failed = strings(r, *v);
  if (const Entry* v = f->get("running")) j.running = strings(r, *v);
  if (const Entry* v = f->get("code")) j.code = path(*v);
  if (const Entry* v = f->get("source")) j.source = path(*v);
  if (const Entry* v = f->get("source_ids")) j.source_ids = string_map(r, *v);
  if (const Entry* v = f->get("id_name")) j.id_name = r.string(*v).value_or("jobId");
  if (const Entry* v = f->get("refresh")) {
    for (const auto& s : strings(r, *v)) {
      if (s.empty() || s.front() != '/') r.error(*v, "'refresh' paths must start with '/'");
      j.refresh.push_back(s);
    }
  }
  p.jobs = std::move(j);
}

void read_event_samples(Reader& r, const Entry& e, ProviderPack& p) {
  if (!e.value.IsSequence()) {
    r.error(e, "'events' must be a list of {type, body}");
    return;
  }
  size_t i = 0;
  for (const auto& node : e.value) {
    Entry item{"events", "events." + std::to_string(i++), node, node};
    auto f = mapping(r, item, {"type", "body"}, {"type", "body"});
    if (!f) continue;
    WebhookEventSample sample;
    if (const Entry* v = f->get("type")) sample.type = r.string(*v).value_or("");
    if (const Entry* v = f->get("body")) {
      sample.body = r.string(*v).value_or("");
      const auto json =
          nlohmann::json::parse(render_event_sample(sample, "run", 1), nullptr, false);
      if (!json.is_object()) {
        r.error(*v, "'body' must be a JSON object once its placeholders are filled in");
      }
    }
    p.webhook.events.push_back(std::move(sample));
  }
}

void read_webhook(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(
      r, e, {"scheme", "tolerance_s", "response_budget_s", "test_event", "registration", "events"});
  if (!f) return;
  auto& w = p.webhook;
  if (const Entry* v = f->get("scheme")) {
    w.scheme = r.choice(*v, {"standard", "stripe", "blockchain0x", "custom"}).value_or("standard");
  }
  if (const Entry* v = f->get("tolerance_s")) w.tolerance_s = r.positive(*v).value_or(300);
  if (const Entry* v = f->get("response_budget_s")) {
    w.response_budget_s = r.positive(*v).value_or(30);
  }
  if (const Entry* v = f->get("test_event")) w.test_event = r.string(*v).value_or("");
  if (const Entry* v = f->get("events")) read_event_samples(r, *v, p);
  if (const Entry* v = f->get("registration")) {
    auto g = mapping(r, *v,
                     {"path", "url_field", "status_field", "active", "events_field",
                      "required_events", "onboarding_events", "pagination"},
                     {"path"});
    if (!g) return;
    WebhookRegistrationSpec reg;
    if (const Entry* x = g->get("path")) reg.path = r.string(*x).value_or("");
    if (const Entry* x = g->get("url_field")) reg.url_field = r.string(*x).value_or("url");
    if (const Entry* x = g->get("status_field")) reg.status_field = r.string(*x).value_or("");
    if (const Entry* x = g->get("active")) reg.active = strings(r, *x);
    if (const Entry* x = g->get("events_field")) reg.events_field = strings(r, *x);
    if (const Entry* x = g->get("required_events")) reg.required_events = strings(r, *x);
    if (const Entry* x = g->get("onboarding_events")) reg.onboarding_events = strings(r, *x);
    if (const Entry* x = g->get("pagination")) {
      reg.pagination = r.choice(*x, {"offset", "cursor", "none"}).value_or("none");
    }
    w.registration = std::move(reg);
  }
}

void read_smoke(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(r, e, {"path", "query", "list", "latency_budget_ms"}, {"path"});
  if (!f) return;
  SmokeSpec s;
  if (const Entry* v = f->get("path")) {
    s.path = r.string(*v).value_or("/");
    if (s.path.empty() || s.path.front() != '/') r.error(*v, "'path' must start with '/'");
  }
  if (const Entry* v = f->get("query")) s.query = string_map(r, *v);
  if (const Entry* v = f->get("list")) s.list = r.boolean(*v).value_or(true);
  if (const Entry* v = f->get("latency_budget_ms")) {
    s.latency_budget_ms = r.positive(*v).value_or(1000);
  }
  p.smoke = std::move(s);
}

void read_stuck(Reader& r, const Entry& e, WatchList& list) {
  if (!e.value.IsSequence()) {
    r.error(e, "'stuck' must be a list of {status, after_s, where}");
    return;
  }
  size_t i = 0;
  for (const auto& node : e.value) {
    Entry item{"stuck", "stuck." + std::to_string(i++), node, node};
    auto f = mapping(r, item, {"status", "after_s", "where"}, {"status", "after_s"});
    if (!f) continue;
    StuckRule rule;
    if (const Entry* v = f->get("status")) rule.statuses = strings(r, *v);
    if (const Entry* v = f->get("after_s")) rule.after_s = r.positive(*v).value_or(0);
    if (const Entry* v = f->get("where")) rule.where = string_map(r, *v);
    list.stuck.push_back(std::move(rule));
  }
}

void read_watch(Reader& r, const Entry& e, ProviderPack& p) {
  auto f = mapping(r, e,
                   {"interval_s", "id_field", "status_field", "created_field", "pagination",
                    "lists", "webhooks", "webhook_failures"},
                   {"lists"});
  if (!f) return;
  WatchSpec w;
  if (const Entry* v = f->get("interval_s")) w.interval_s = r.positive(*v).value_or(30);
  if (const Entry* v = f->get("id_field")) w.id_field = r.string(*v).value_or("id");
  if (const Entry* v = f->get("status_field")) w.status_field = r.string(*v).value_or("status");
  if (const Entry* v = f->get("created_field")) w.created_field = r.string(*v).value_or("created");
  if (const Entry* v = f->get("pagination")) {
    w.pagination = r.choice(*v, {"offset", "cursor", "none"}).value_or("none");
  }
  if (const Entry* v = f->get("webhooks")) w.webhooks = r.boolean(*v).value_or(true);
  if (const Entry* v = f->get("webhook_failures")) {
    auto ptr = pointers(r, *v);
    if (!ptr.empty()) w.webhook_failures = ptr.front();
  }
  if (const Entry* v = f->get("lists")) {
    if (!v->value.IsSequence()) {
      r.error(*v, "'lists' must be a list of {name, path, stuck}");
    } else {
      size_t i = 0;
      for (const auto& node : v->value) {
        Entry item{"lists", "lists." + std::to_string(i++), node, node};
        auto g = mapping(r, item, {"name", "path", "stuck"}, {"name", "path"});
        if (!g) continue;
        WatchList list;
        if (const Entry* x = g->get("name")) list.name = r.string(*x).value_or("");
        if (const Entry* x = g->get("path")) {
          list.path = r.string(*x).value_or("/");
          const auto open = list.path.find('{');
          const auto close = list.path.find('}');
          const std::string parent = open == std::string::npos || close == std::string::npos
                                         ? ""
                                         : list.path.substr(open + 1, close - open - 1);
          const bool known = std::any_of(w.lists.begin(), w.lists.end(),
                                         [&](const WatchList& l) { return l.name == parent; });
          if (list.path.empty() || list.path.front() != '/') {
            r.error(*x, "'path' must start with '/'");
          } else if (open != std::string::npos && !known) {
            r.error(*x, "'path' may name only a list listed before it, e.g. {investors}");
          }
        }
        if (const Entry* x = g->get("stuck")) read_stuck(r, *x, list);
        w.lists.push_back(std::move(list));
      }
    }
  }
  p.watch = std::move(w);
}

const std::vector<std::string> k_top_level = {
    "version", "pack_version", "name",        "display_name", "docs_url",     "demo_profile",
    "hosts",   "path_prefix",  "credentials", "auth",         "headers",      "mode",
    "errors",  "request_id",   "rate_limits", "retry_after",  "idempotency",  "money",
    "webhook", "smoke",        "env_vars",    "watch",        "key_patterns", "jobs"};

void read_pack(Reader& r, const Entry& root, ProviderPack& p, PackChecks checks) {
  auto f = r.fields(root, k_top_level,
                    {"version", "pack_version", "name", "display_name", "hosts", "credentials",
                     "auth", "mode", "errors"});
  if (!f) return;
  if (const Entry* v = f->get("version")) {
    if (auto n = r.integer(*v); n && *n != 1) {
      r.error(*v, "unsupported pack format version " + std::to_string(*n) +
                      "; this version of bluum-golive reads version 1");
    }
  }
  if (const Entry* v = f->get("pack_version")) p.pack_version = r.string(*v).value_or("");
  if (const Entry* v = f->get("name")) p.name = r.string(*v).value_or("");
  if (const Entry* v = f->get("display_name")) p.display_name = r.string(*v).value_or(p.name);
  if (const Entry* v = f->get("docs_url")) p.docs_url = r.string(*v).value_or("");
  if (const Entry* v = f->get("demo_profile")) p.demo_profile = r.string(*v).value_or("");
  if (const Entry* v = f->get("hosts")) read_hosts(r, *v, p);
  if (const Entry* v = f->get("path_prefix")) {
    p.path_prefix = r.string(*v).value_or("");
    if (!p.path_prefix.empty() && p.path_prefix.front() != '/') {
      r.error(*v, "'path_prefix' must start with '/'");
    }
  }
  if (const Entry* v = f->get("credentials")) p.credentials = strings(r, *v);
  if (const Entry* v = f->get("auth")) read_auth(r, *v, p);
  if (const Entry* v = f->get("headers")) read_headers(r, *v, p);
  if (const Entry* v = f->get("mode")) read_mode(r, *v, p);
  if (const Entry* v = f->get("key_patterns")) read_key_patterns(r, *v, p, checks);
  if (const Entry* v = f->get("errors")) read_errors(r, *v, p, checks);
  if (const Entry* v = f->get("request_id")) {
    if (auto g = mapping(r, *v, {"header", "body"})) {
      if (const Entry* x = g->get("header")) p.request_id.header = r.string(*x).value_or("");
      if (const Entry* x = g->get("body")) p.request_id.body = pointers(r, *x);
    }
  }
  if (const Entry* v = f->get("rate_limits")) read_rate_limits(r, *v, p);
  if (const Entry* v = f->get("retry_after")) {
    p.retry_after = r.choice(*v, {"seconds", "seconds-or-date"}).value_or("seconds");
  }
  if (const Entry* v = f->get("idempotency")) read_idempotency(r, *v, p);
  if (const Entry* v = f->get("money")) read_money(r, *v, p);
  if (const Entry* v = f->get("webhook")) read_webhook(r, *v, p);
  if (const Entry* v = f->get("smoke")) read_smoke(r, *v, p);
  if (const Entry* v = f->get("env_vars")) p.env_vars = string_map(r, *v);
  if (const Entry* v = f->get("watch")) read_watch(r, *v, p);
  if (const Entry* v = f->get("jobs")) read_jobs(r, *v, p);

  // Cross-field rules: every credential the auth and mode name is declared.
  auto declared = [&](const std::string& c) {
    return std::find(p.credentials.begin(), p.credentials.end(), c) != p.credentials.end();
  };
  const Entry* auth = f->get("auth");
  if (auth != nullptr) {
    for (const auto& c : p.auth_credentials()) {
      if (!c.empty() && !declared(c)) {
        r.error(*auth, "'auth' uses credential '" + c + "', which 'credentials' does not list");
      }
    }
  }
  if (const Entry* errors = f->get("errors");
      errors != nullptr && !r.has_errors() && checks == PackChecks::full) {
    detail::check_error_answers(r, *errors, p);
  }
  if (p.hosts.empty() && f->get("hosts") != nullptr) {
    r.error(*f->get("hosts"), "'hosts' must list at least one host");
  }
}

}  // namespace

ProviderPack parse_provider(const std::string& text, const std::string& source) {
  // Bounded: no alias cycle, no "billion laughs" (core/yaml_load.hpp).
  return parse_provider(load_yaml_documents(text, source), source, PackChecks::full);
}

ProviderPack parse_provider(const std::vector<YAML::Node>& docs, const std::string& source,
                            PackChecks checks) {
  ProviderPack p;
  p.source = source;
  Reader r(source);
  const YAML::Node root = docs.empty() ? YAML::Node() : docs.front();
  if (!root.IsMap()) {
    r.error(SourceLoc{source, 1, 1}, "a provider pack must be a mapping of keys to values");
  } else {
    read_pack(r, Entry{"", "", root, root}, p, checks);
  }
  if (r.has_errors()) throw ConfigError(r.diagnostics());
  return p;
}

}  // namespace golive
