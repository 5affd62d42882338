#pragma once
// The one harness check and engine tests share: a network that must not be reached, target and
// credential builders, and run_check(), which builds a check and its CheckContext the way the
// runner does. Suite-specific harnesses (webhook receivers, the emulator, killed runs) wrap it.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "engine/check.hpp"
#include "engine/packs.hpp"
#include "engine/registry.hpp"

namespace golive::testing {

/// An HttpClient that must never be reached: every send is a policy error, counted in `calls`.
class NoNetwork final : public net::HttpClient {
 public:
  net::Exchange send(const net::Request&) override {
    ++calls;
    return net::Exchange{net::TransportError{net::TransportErrorKind::policy, "no network"}, {}};
  }
  int calls = 0;
};

/// A credential resolved to `value` from `source` (e.g. "env GOLIVE_TEST_KEY").
inline profile::Resolution resolved(const std::string& value, const std::string& source) {
  return profile::Resolution{Secret(value, source), ""};
}

/// A credential that could not be resolved, for `why`.
inline profile::Resolution unresolved(const std::string& why) {
  return profile::Resolution{std::nullopt, why};
}

/// A target of kind `kind` at `base_url`, its profile read from `path`.
inline Target target(EnvKind kind, const std::string& base_url,
                     const std::string& path = "/tmp/p.yaml") {
  Target t;
  t.profile.path = path;
  t.profile.kind = kind;
  t.profile.environment = kind == EnvKind::production ? "production" : "sandbox";
  t.profile.base_url = base_url;
  t.base_url = base_url;
  return t;
}

/// What run_check needs besides the check and its target: the services of one run.
struct CheckEnv {
  const ProviderPack& pack;
  net::HttpClient& http;
  Logger& log;
  std::chrono::steady_clock::time_point deadline;
  net::HttpClient* raw_http = nullptr;  ///< null: `http`
  std::string run_id = "run-test";
  std::function<std::optional<Target>(const std::string&, std::string&)> load_sibling = {};
  std::string audit_file = "";
  std::map<std::string, CheckResult> prerequisites = {};
};

/// Builds check `id` of `env.pack` with `options` (as a profile's checks section would give
/// them), runs it once against `t` in a CheckContext made of `env`, and returns its result with
/// its id set. Fails the test when the pack has no check `id`.
inline CheckResult run_check(const std::string& id, const Target& t, CheckEnv env,
                             YAML::Node options = {}) {
  const auto* entry = builtin_registry().find(id, env.pack);
  REQUIRE(entry != nullptr);
  CheckOptions opts(id, options, SourceLoc{t.profile.path, 1, 1}, &env.pack);
  auto check = entry->make(opts);
  opts.finish();
  CheckContext ctx{t,
                   env.pack,
                   env.http,
                   SystemClock::instance(),
                   env.log,
                   env.run_id,
                   env.deadline,
                   "",
                   std::move(env.load_sibling),
                   env.raw_http != nullptr ? env.raw_http : &env.http,
                   env.audit_file};
  ctx.prerequisites = std::move(env.prerequisites);
  auto r = check->run(ctx);
  r.id = id;
  return r;
}

/// Every evidence and summary string of a result, joined (for "never prints X" asserts).
inline std::string all_text(const CheckResult& r) {
  std::string s = r.summary + "\n" + r.fix + "\n";
  for (const auto& e : r.evidence) s += e.label + e.expected + e.observed + e.url + "\n";
  return s;
}

/// all_text plus every other evidence field a report prints.
inline std::string everything(const CheckResult& r) {
  std::string s = all_text(r);
  for (const auto& e : r.evidence) s += e.method + " " + e.request_id + "\n";
  return s;
}

}  // namespace golive::testing
