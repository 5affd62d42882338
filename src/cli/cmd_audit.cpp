// `audit`: runs the partner's command behind the fault-injecting proxy, records every exchange
// and grades the client (SPEC §7). Design and grade semantics: docs/audit.md.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "audit/grader.hpp"
#include "audit/proxy.hpp"
#include "audit/runner.hpp"
#include "cli/cli.hpp"
#include "core/exit_codes.hpp"
#include "crypto/digest.hpp"
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

std::string iso8601_ms(std::chrono::system_clock::time_point t) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(t)), ms);
}

/// Environment for the command: the proxy's URL under the pack's variable name, and the run's
/// credentials where the caller's environment does not already provide them. The credentials
/// the command will use (the pack's secret variables, and the Basic token of its key pair) are
/// registered with the Redactor in every form before it starts: its output is echoed, and it
/// may print its own Authorization header before the proxy has seen a request.
/// A credential the command gets: its value (in memory only) and where it comes from.
struct CommandCredential {
  std::string value;
  std::string source;
};

std::map<std::string, std::string> command_env(const Target& target, const ProviderPack& provider,
                                               const std::string& proxy_url,
                                               std::map<std::string, CommandCredential>& given) {
  std::map<std::string, std::string> env;
  auto var = [&](const std::string& role) {
    auto it = provider.env_vars.find(role);
    return it == provider.env_vars.end() ? std::string() : it->second;
  };
  env[var("base_url").empty() ? "BLUUM_BASE_URL" : var("base_url")] = proxy_url;
  std::map<std::string, std::string> used;  ///< role -> the value the command gets
  for (const auto& role : provider.credentials) {
    const std::string name = var(role);
    if (name.empty()) continue;
    const char* have = std::getenv(name.c_str());
    auto cred = target.credentials.find(role);
    if (have != nullptr && *have != '\0') {
      used[role] = have;
      given[role] = {have, "env " + name + " of the audit"};
    } else if (cred != target.credentials.end() && cred->second.ok()) {
      env[name] = used[role] = cred->second.secret->reveal();
      given[role] = {used[role], cred->second.secret->source()};
    }
  }
  std::vector<std::string> secret_roles = provider.credentials;
  secret_roles.push_back("webhook_secret");
  for (const auto& role : secret_roles) {
    const std::string name = var(role);
    const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
    if (value != nullptr && *value != '\0') register_secret(value);
  }
  if (provider.auth.strategy == AuthStrategy::basic && used.count(provider.auth.user) &&
      used.count(provider.auth.password)) {
    register_basic_credentials(used[provider.auth.user], used[provider.auth.password]);
  }
  return env;
}

/// The provider facts the grades need, in the recording's header: the audited profile and its
/// mode, the pack's money kinds, headers, published limit, and the fingerprints (never the
/// values) of the credentials the client should use: those the profile declares, else (a profile
/// without credentials, e.g. the demo's generated ones) those the command was given.
void describe_provider(audit::Header& h, const ProviderPack& provider, const Target& target,
                       const std::map<std::string, CommandCredential>& given) {
  const EnvKind kind = target.profile.kind;
  h.provider = provider.name;
  h.profile = target.profile.name;
  h.mode = std::string(to_string(kind));
  h.money_kinds = provider.money_kinds();
  h.idempotency_header = provider.idempotency ? provider.idempotency->header : "";
  h.request_id_header = provider.request_id.header;
  for (const auto& r : provider.rate_limits) {
    if (r.scope == "requests" && (!r.mode || *r.mode == kind) && r.limit > 0) {
      h.rate_limit = audit::RecordedRateLimit{r.limit, r.per_s};
      break;
    }
  }
  for (const auto& name : provider.auth_credentials()) {
    auto it = target.credentials.find(name);
    if (target.profile.credentials.count(name) && it != target.credentials.end() &&
        it->second.ok() && !it->second.secret->empty()) {
      h.credentials[name] = {crypto::fingerprint(it->second.secret->reveal()),
                             it->second.secret->source()};
    } else if (auto g = given.find(name); g != given.end() && !g->second.value.empty()) {
      h.credentials[name] = {crypto::fingerprint(g->second.value),
                             g->second.source + " (the profile declares none)"};
    }
  }
  for (const auto& rule : provider.headers) {
    auto& modes = h.required_headers[rule.name];
    if (rule.by_mode.empty()) modes[""] = rule.value;
    for (const auto& [k, v] : rule.by_mode) modes[std::string(to_string(k))] = v;
  }
  if (provider.auth.strategy == AuthStrategy::token_exchange)
    h.token_path = provider.auth.token.path;
}

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

  const std::string run_id = new_run_id();
  const std::string record =
      !f.record.empty()
          ? f.record
          : (fs::temp_directory_path() / ("golive-audit-" + run_id + ".jsonl")).string();
  const auto wall_start = std::chrono::system_clock::now();
  const auto epoch = std::chrono::steady_clock::now();
  std::unique_ptr<audit::Recorder> recorder;
  try {
    recorder = std::make_unique<audit::Recorder>(record);
  } catch (const std::runtime_error& e) {
    return usage_error({std::string("audit: --record: ") + e.what()});
  }
  audit::FaultPlanner planner(schedule, f.seed);
  audit::ProxyConfig pc;
  pc.upstream_base_url = target.base_url;
  pc.upstream_timeout = std::chrono::seconds(run.profile.http.timeout_s);
  pc.add_missing_money_keys = run.profile.embedded();
  pc.run_id = run_id;
  pc.pack = run.provider;
  audit::Proxy proxy(pc, planner, *recorder, epoch);
  proxy.start();

  audit::Header h;
  h.run_id = run_id;
  h.tool_version = GOLIVE_VERSION;
  h.started_at = iso8601_ms(wall_start);
  h.schedule = f.schedule;
  h.seed = f.seed;
  h.upstream = run.profile.embedded() ? "embedded" : "remote";
  h.base_url = net::redact_url(target.base_url);
  h.proxy_url = proxy.base_url();
  h.command = fs::path(f.command.front()).filename().string();
  h.client_log = f.client_log.empty() ? "" : fs::absolute(f.client_log).string();
  std::map<std::string, CommandCredential> given;
  const auto command_vars = command_env(target, run.provider, proxy.base_url(), given);
  describe_provider(h, run.provider, target, given);
  recorder->header(h);
  if (!f.quiet) {
    std::cerr << redact(
        fmt::format("audit {}: proxy {} -> {} (schedule {}, seed {}); recording {}\n", run_id,
                    proxy.base_url(), h.base_url, schedule.name, f.seed, record));
  }

  audit::CommandSpec spec;
  spec.argv = f.command;
  spec.env = command_vars;
  spec.timeout = std::chrono::seconds(f.timeout_s);
  std::mutex out_mu;
  if (!f.quiet) {
    spec.on_output = [&out_mu](std::string_view line) {
      std::lock_guard lock(out_mu);
      std::cerr << "  | " << redact(line) << '\n';
    };
  }
  const audit::CommandOutcome outcome = audit::run_command(spec);
  proxy.stop();
  if (!outcome.started) return usage_error({"audit: " + outcome.error});

  audit::Footer footer;
  footer.present = true;
  footer.timed_out = outcome.timed_out;
  footer.interrupted = outcome.interrupted;
  footer.exit_code = outcome.exit_code;
  footer.duration_ms = outcome.duration.count();
  footer.exchanges = proxy.exchange_count();
  if (emu) {
    footer.created.emplace();
    for (const auto& kind : run.provider.money_kinds()) {
      std::int64_t n = 0;
      for (const auto& key : proxy.api_keys_seen()) {
        n += static_cast<std::int64_t>(emu->money_created(key, kind));
      }
      (*footer.created)[kind] = n;
    }
  }
  recorder->footer(footer);
  recorder.reset();

  // Grade what was written, exactly as `check --audit FILE` would.
  RunReport report = report_header(run, target, run_id);
  const audit::Recording rec = audit::load_recording(record);
  for (const auto& id : audit::grade_ids_for(rec.header)) {
    ResultRow row;
    row.info = registry.find(id)->info;
    row.result = audit::grade(id, rec);
    row.result.environment = run.profile.environment;
    row.profile_path = run.profile.path;
    report.rows.push_back(std::move(row));
  }
  for (auto& item :
       evaluate_items(run.checklist.get(), report.rows, {}, registry.ids_for(run.provider))) {
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
  std::cerr << report::verdict_line(report) << '\n';
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
}

}  // namespace golive::cli
