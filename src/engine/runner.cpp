#include "engine/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <semaphore>
#include <thread>

#include "core/diagnostic.hpp"
#include "net/write_guard.hpp"

namespace golive {

namespace {

bool listed(const std::vector<std::string>& v, const std::string& id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

/// State shared between the runner and one check's thread; outlives an abandoned thread.
struct Slot {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  CheckResult result;
};

/// The prerequisite's result once its slot is done, or inconclusive at `deadline`.
CheckResult await_result(Slot& slot, const std::string& id,
                         std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(slot.mu);
  if (slot.cv.wait_until(lock, deadline, [&] { return slot.done; })) return slot.result;
  CheckResult r;
  r.id = id;
  r.status = Status::inconclusive;
  r.summary = "did not finish before the check that needs it ran out of time";
  return r;
}

/// For each planned check, the plan indices of its prerequisites planned against the same
/// target. Throws std::logic_error when prerequisites form a cycle (a bug in the registry).
std::vector<std::vector<size_t>> prerequisite_indices(const std::vector<PlannedCheck>& plan) {
  std::vector<std::vector<size_t>> edges(plan.size());
  for (size_t i = 0; i < plan.size(); ++i) {
    for (const auto& id : plan[i].entry->info.prerequisites) {
      for (size_t j = 0; j < plan.size(); ++j) {
        if (plan[j].entry->info.id == id && plan[j].target == plan[i].target) {
          edges[i].push_back(j);
        }
      }
    }
  }
  enum class Mark { none, open, done };
  std::vector<Mark> mark(plan.size(), Mark::none);
  std::function<void(size_t)> visit = [&](size_t i) {
    if (mark[i] == Mark::done) return;
    if (mark[i] == Mark::open) {
      throw std::logic_error("check prerequisites form a cycle through " + plan[i].entry->info.id);
    }
    mark[i] = Mark::open;
    for (size_t j : edges[i]) visit(j);
    mark[i] = Mark::done;
  };
  for (size_t i = 0; i < plan.size(); ++i) visit(i);
  return edges;
}

CheckResult guarded_run(Check& check, CheckContext& ctx, const std::string& id) {
  try {
    return check.run(ctx);
  } catch (const std::exception& e) {
    CheckResult r;
    r.id = id;
    r.status = Status::inconclusive;
    r.summary = "the check stopped with an error: " + redact(e.what());
    r.fix = "this is a bug in bluum-golive if it repeats; run with -v and report it";
    return r;
  } catch (...) {
    CheckResult r;
    r.id = id;
    r.status = Status::inconclusive;
    r.summary = "the check stopped with an unknown error";
    return r;
  }
}

}  // namespace

std::vector<PlannedCheck> plan_checks(const Registry& registry, const Target& main,
                                      const Target* rehearsal, const RunOptions& options) {
  std::vector<Diagnostic> errors;
  for (const auto* list : {&options.only, &options.skip}) {
    for (const auto& id : *list) {
      try {
        registry.require(id, list == &options.only ? "--only" : "--skip", options.pack);
      } catch (const ConfigError& e) {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
  }
  if (!errors.empty()) throw ConfigError(errors);

  std::vector<const CheckEntry*> entries;
  if (options.pack != nullptr) {
    entries = registry.entries_for(*options.pack);
  } else {
    for (const auto& e : registry.entries()) {
      if (e.info.providers.empty()) entries.push_back(&e);
    }
  }
  std::vector<PlannedCheck> plan;
  for (const CheckEntry* entry_ptr : entries) {
    const CheckEntry& entry = *entry_ptr;
    const auto& id = entry.info.id;
    if (!options.only.empty() && !listed(options.only, id)) continue;
    if (listed(options.skip, id)) continue;
    const Target* target = &main;
    // Production runs send their sandbox-write checks to the rehearsal profile (SPEC §5).
    if (entry.info.side_effect == SideEffect::sandbox_write &&
        main.profile.kind == EnvKind::production && rehearsal) {
      target = rehearsal;
    }
    const auto& checks = target->profile.checks;
    auto it = checks.find(id);
    // A sandbox-write check asked for by name (--only, or a `checks:` entry not disabled) is
    // planned even where it does not apply, so the interlock refuses it (SPEC §5: exit 4).
    const bool asked = listed(options.only, id) || (it != checks.end() && it->second.enabled);
    const bool refusable = asked && entry.info.side_effect == SideEffect::sandbox_write;
    if (!entry.info.applies_to(target->profile.kind) && !refusable) continue;
    YAML::Node node = it != checks.end() ? it->second.options : YAML::Node();
    SourceLoc loc = it != checks.end() ? it->second.loc : SourceLoc{target->profile.path, 0, 0};
    if (it != checks.end() && !it->second.enabled) continue;
    try {
      CheckOptions opts(id, node, loc, options.pack);
      auto timeout_s =
          opts.get_int("timeout_s", static_cast<int>(options.check_timeout.count() / 1000));
      if (timeout_s <= 0) opts.error("timeout_s", "must be a positive number of seconds");
      auto check = entry.make(opts);
      opts.finish();
      plan.push_back({&entry, std::shared_ptr<Check>(std::move(check)), target,
                      std::chrono::seconds(std::max(1, timeout_s))});
    } catch (const ConfigError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!errors.empty()) throw ConfigError(errors);
  return plan;
}

RunOutcome run_checks(std::vector<PlannedCheck>& plan, RunServices& services,
                      const RunOptions& options) {
  using namespace std::chrono;
  const auto start = services.clock.now();
  const auto run_deadline = start + options.timeout;
  auto gate = std::make_shared<std::counting_semaphore<64>>(std::clamp(options.concurrency, 1, 64));
  const auto edges = prerequisite_indices(plan);
  std::vector<std::shared_ptr<Slot>> slots;
  std::vector<steady_clock::time_point> deadlines;
  for (auto& planned : plan) {
    slots.push_back(std::make_shared<Slot>());
    deadlines.push_back(std::min(run_deadline, start + planned.timeout));
  }

  for (size_t i = 0; i < plan.size(); ++i) {
    auto& planned = plan[i];
    auto slot = slots[i];
    auto deadline = deadlines[i];
    std::vector<std::pair<std::string, std::shared_ptr<Slot>>> needs;
    for (size_t j : edges[i]) needs.emplace_back(plan[j].entry->info.id, slots[j]);
    std::thread([slot, gate, check = planned.check, target = planned.target,
                 id = planned.entry->info.id, &services, deadline, needs = std::move(needs)] {
      // Wait for prerequisites before taking a place in the gate, so waiting never starves
      // them; the wait counts toward this check's deadline, like time in the queue.
      std::map<std::string, CheckResult> before;
      for (const auto& [need_id, need_slot] : needs) {
        before[need_id] = await_result(*need_slot, need_id, deadline);
      }
      gate->acquire();
      // Every request of this check carries its id, so the write guard can name it (SPEC §5).
      net::OriginClient http(services.http, "check " + id);
      net::OriginClient raw(services.raw_http ? *services.raw_http : services.http, "check " + id);
      CheckContext ctx{*target,        services.provider,   http,
                       services.clock, services.log,        services.run_id,
                       deadline,       services.config_dir, services.load_sibling,
                       &raw,           services.audit_file, {},
                       services.tokens};
      ctx.prerequisites = std::move(before);
      auto began = steady_clock::now();
      services.log.debug(fmt::format("check {}: start", id));
      CheckResult r = guarded_run(*check, ctx, id);
      r.id = id;
      r.duration = duration_cast<milliseconds>(steady_clock::now() - began);
      gate->release();
      std::lock_guard lock(slot->mu);
      slot->result = std::move(r);
      slot->done = true;
      slot->cv.notify_all();
    }).detach();
  }

  RunOutcome out;
  size_t done = 0;
  for (size_t i = 0; i < plan.size(); ++i) {
    auto& slot = *slots[i];
    ResultRow row;
    row.info = plan[i].entry->info;
    row.profile_path = plan[i].target->profile.path;
    row.configured_at = plan[i].target->profile.where("checks." + row.info.id);
    {
      std::unique_lock lock(slot.mu);
      // One second of grace past the deadline: checks clip their own I/O to it.
      bool finished =
          slot.cv.wait_until(lock, deadlines[i] + seconds(1), [&] { return slot.done; });
      if (finished) {
        row.result = slot.result;
      } else {
        ++out.abandoned;
        row.result.id = row.info.id;
        row.result.status = Status::inconclusive;
        auto limit = duration_cast<milliseconds>(deadlines[i] - start).count();
        row.result.summary = fmt::format("did not finish within its deadline ({} ms)", limit);
        row.result.fix = "raise --timeout or the check's timeout_s, or see why the target is slow";
        row.result.duration = duration_cast<milliseconds>(steady_clock::now() - start);
      }
    }
    row.result.environment = plan[i].target->profile.environment;
    ++done;
    if (services.on_result) services.on_result(row, done, plan.size());
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace golive
