#pragma once
// A check whose behaviour each test scripts, for engine tests.
#include <functional>
#include <thread>

#include "engine/check.hpp"
#include "engine/registry.hpp"

namespace golive::testing {

using RunFn = std::function<CheckResult(CheckContext&)>;

/// CheckInfo with the fields the engine reads.
inline CheckInfo info(std::string id, SideEffect se = SideEffect::static_only,
                      std::vector<EnvKind> envs = {}, bool blocking = true) {
  CheckInfo i;
  i.id = std::move(id);
  i.title = i.id;
  i.side_effect = se;
  i.environments = std::move(envs);
  i.blocking = blocking;
  return i;
}

inline CheckResult result(Status s, std::string summary = "scripted") {
  CheckResult r;
  r.status = s;
  r.summary = std::move(summary);
  return r;
}

class FakeCheck final : public Check {
 public:
  explicit FakeCheck(RunFn fn) : fn_(std::move(fn)) {}
  CheckResult run(CheckContext& ctx) override { return fn_(ctx); }

 private:
  RunFn fn_;
};

/// Registers a fake check that runs `fn`.
inline void add_fake(Registry& r, CheckInfo i, RunFn fn) {
  r.add(std::move(i), [fn](CheckOptions&) { return std::make_unique<FakeCheck>(fn); });
}

}  // namespace golive::testing
