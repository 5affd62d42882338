// `audit`: runs the partner's command behind the fault-injecting proxy, records every exchange
// and grades the client (SPEC §7). Design and grade semantics: docs/audit.md.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "audit/grader.hpp"
#include "cli/audit_session.hpp"
#include "cli/cli.hpp"
#include "core/exit_codes.hpp"
#include "engine/provider_module.hpp"
#include "engine/safety.hpp"
#include "engine/session.hpp"
#include "engine/verdict.hpp"
#include "net/url.hpp"
#include "report/report.hpp"

namespace golive::cli {

namespace {

namespace fs = std::filesystem;

struct AuditFlags {
  std::string env, profile, config_dir, record, client_log;
  std::string schedule = "default";
  std::uint64_t seed = 1;
  int timeout_s = 60;
  std::string format = "text";
  std::string color = "auto";
  bool quiet = false;
  std::vector<std::string> command;
};

int run_audit(const AuditFlags& f) {
  if (f.env.empty() && f.profile.empty())
    return usage_error({"audit: --env or --profile is required"});
  if (f.command.empty()) return usage_error({"audit: give the command to run after --"});
  const auto& registry = builtin_registry();
  LoadedRun run;
  audit::Schedule schedule;
  try {
    run = load_run(f.env, f.profile, f.config_dir, registry);
    schedule = audit::bind_schedule(audit::resolve_schedule(f.schedule), run.provider);
  } catch (const ConfigError& e) {
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(d.str());
    return usage_error(lines);
  }
  Target target;
  target.profile = run.profile;
  // The proxy forwards the client's writes (deposits, withdrawals) to the base URL: the same
  // allowlist as a sandbox-write check, judged before anything starts (SPEC §5).
  if (auto why = write_refusal(run.provider, target)) {
    std::cerr << redact(fmt::format(
        "refused: audit forwards the client's writes (sandbox-write) to the profile's base URL, "
        "and {} ({}). Run it against a sandbox profile or base_url: embedded.\n",
        *why, run.profile.path));
    std::cerr << "VERDICT: REFUSED (exit 4) — nothing was sent, the command was not started\n";
    return exit_code::refused;
  }
  std::unique_ptr<EmbeddedEmulator> emu;
  resolve_target(target, run.provider, [&emu](Target& t) {
    const ProviderModule* module = find_module(t.profile.provider);
    if (module == nullptr) throw std::runtime_error("provider has no emulator");
    emu = module->start_emulator(EmulatorSettings{});
    t.base_url = emu->base_url();
  });

  AuditSpec spec;
  spec.schedule_name = f.schedule;
  spec.schedule = schedule;
  spec.seed = f.seed;
  spec.record = f.record;
  spec.client_log = f.client_log;
  spec.argv = f.command;
  spec.timeout = std::chrono::seconds(f.timeout_s);
  spec.announce = !f.quiet;
  std::mutex out_mu;
  if (!f.quiet) {
    spec.on_output = [&out_mu](std::string_view line) {
      std::lock_guard lock(out_mu);
      std::cerr << "  | " << redact(line) << '\n';
    };
  }
  AuditedRun done;
  try {
    done = run_audited(run, target, emu.get(), spec);
  } catch (const std::runtime_error& e) {
    return usage_error({std::string("audit: --record: ") + e.what()});
  }
  if (!done.outcome.started) return usage_error({"audit: " + done.outcome.error});
  const audit::CommandOutcome& outcome = done.outcome;
  const audit::Footer& footer = done.footer;
  const std::string& record = done.record;
  const auto wall_start = done.started;

  // Grade what was written, exactly as `check --audit FILE` would.
  RunReport report = report_header(run, target, done.run_id);
  const audit::Recording rec = audit::load_recording(record);
  // Exactly the grades `check` would plan for this pack (e.g. no client.trace-ids where the
  // vendor's error body carries no trace id).
  const auto applicable = registry.ids_for(run.provider);
  for (const auto& id : audit::grade_ids_for(rec.header)) {
    if (std::find(applicable.begin(), applicable.end(), id) == applicable.end()) continue;
    ResultRow row;
    row.info = registry.find(id, run.provider)->info;
    row.result = audit::grade(id, rec);
    row.result.environment = run.profile.environment;
    row.profile_path = run.profile.path;
    report.rows.push_back(std::move(row));
  }
  for (auto& item :
       evaluate_items(*run.checklist, report.rows, {}, registry.ids_for(run.provider))) {
    if (!item.checks_run.empty()) report.items.push_back(std::move(item));
  }
  report.started_at = iso8601(wall_start);
  report.finished_at = iso8601(std::chrono::system_clock::now());
  report.duration_ms = outcome.duration.count();
  report.notes.push_back(
      outcome.timed_out
          ? fmt::format("the command did not finish within {} s and was stopped", f.timeout_s)
      : outcome.interrupted
          ? std::string("the audit was interrupted and the command was stopped")
          : fmt::format("the command exited {} after {} ms ({} exchanges)",
                        outcome.signal ? "by signal " + std::to_string(outcome.signal)
                                       : std::to_string(outcome.exit_code),
                        outcome.duration.count(), footer.exchanges));
  if (footer.created) {
    std::vector<std::string> held;
    for (const auto& [kind, n] : *footer.created) held.push_back(fmt::format("{} {}(s)", n, kind));
    report.notes.push_back(fmt::format("the embedded emulator holds {}", fmt::join(held, " and ")));
  }
  report.notes.push_back("recording: " + record);
  decide(report, VerdictOptions{});
  if (f.format == "json") {
    report::write_json(report, std::cout);
  } else {
    report::write_text(report, std::cout, report::Style{use_color(f.color, 1), f.quiet});
  }
  std::cout.flush();
  write_final_verdict(report::verdict_line(report), f.format != "json");
  return report.exit_code;
}

}  // namespace

void register_audit(CLI::App& app, Commands& commands) {
  auto f = std::make_shared<AuditFlags>();
  auto* cmd = app.add_subcommand(
      "audit", "Run your API client behind a fault-injecting proxy and grade it (SPEC §7)");
  auto* env = cmd->add_option("--env", f->env, "Profile name: reads config/profiles/NAME.yaml");
  env->excludes(cmd->add_option("--profile", f->profile, "Profile file to read instead of --env"));
  cmd->add_option("--config-dir", f->config_dir,
                  "Directory holding profiles/ (default: ./config searched upward)");
  cmd->add_option("--record", f->record,
                  "Recording file (JSONL; default: a file in the temp directory)");
  cmd->add_option("--schedule", f->schedule,
                  "Fault schedule: default | none | dropped-response | FILE.yaml")
      ->capture_default_str();
  cmd->add_option("--seed", f->seed, "Seed of the fault schedule")->capture_default_str();
  cmd->add_option("--client-log", f->client_log,
                  "The command's log, searched for X-Request-Id values");
  cmd->add_option("--timeout", f->timeout_s, "Deadline in seconds; the command is stopped after it")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  cmd->add_option("--format", f->format, "Report format: text|json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--color", f->color, "Colour: auto|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-q,--quiet", f->quiet, "Print only the verdict line; hide the command's output");
  cmd->add_option("command", f->command, "-- COMMAND [ARGS...]: the partner's client or tests");
  commands.add(cmd, [f] { return run_audit(*f); });

  // Hidden: the provider's reference client, which `check` runs under `audit` for a profile
  // with an `audit:` section (providers/NAME/refclient/README.md). A subcommand of this binary,
  // so it is wherever the tool is (installed, .deb, build tree) and needs no file around it.
  struct RefFlags {
    std::string provider, log;
    unsigned seed = 0;
  };
  auto ref = std::make_shared<RefFlags>();
  auto* rc = app.add_subcommand("reference-client",
                                "The provider's reference API client (run by `check` under audit)");
  rc->group("");
  rc->add_option("--provider", ref->provider, "Provider module")->required();
  rc->add_option("--log", ref->log, "Its log file (appended)")->required();
  auto* seed = rc->add_option("--seed", ref->seed, "Seed of its backoff jitter (default: random)");
  commands.add(rc, [ref, seed] {
    const ProviderModule* module = find_module(ref->provider);
    if (module == nullptr || module->reference_client == nullptr) {
      return usage_error(
          {"reference-client: provider " + ref->provider + " has no reference client"});
    }
    ReferenceClientOptions o;
    o.log_path = ref->log;
    if (seed->count() > 0) o.seed = ref->seed;
    o.out = &std::cout;
    return module->reference_client(o);
  });
}

}  // namespace golive::cli
