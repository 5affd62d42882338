#include "cli/audit_session.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "audit/proxy.hpp"
#include "crypto/digest.hpp"
#include "engine/packs.hpp"
#include "net/url.hpp"

namespace golive::cli {

namespace {

namespace fs = std::filesystem;

std::string iso8601_ms(std::chrono::system_clock::time_point t) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(t)), ms);
}

/// A credential the command gets: its value (in memory only) and where it comes from.
struct CommandCredential {
  std::string value;
  std::string source;
};

/// Environment for the command: the proxy's URL under the pack's variable name, and the run's
/// credentials where the caller's environment does not already provide them (or always, when
/// `caller_first` is false); `given` receives what the command gets. The credentials the
/// command will use (the pack's secret variables, and the Basic token of its key pair) are
/// registered with the Redactor in every form before it starts: its output is echoed, and it
/// may print its own Authorization header before the proxy has seen a request.
std::map<std::string, std::string> command_env(const Target& target, const ProviderPack& provider,
                                               const std::string& proxy_url, bool caller_first,
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
    const char* have = caller_first ? std::getenv(name.c_str()) : nullptr;
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
  if (provider.auth.strategy == AuthStrategy::token_exchange) {
    h.token_path = provider.auth.token.path;
  }
  if (provider.jobs) {
    h.jobs_path = provider.jobs->path;
    h.job_id_name = provider.jobs->id_name;
  }
}

/// This executable, so the reference client runs from the same binary wherever it is installed
/// (a .deb, a build tree) and whatever the current directory.
std::string self_executable() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("bluum-golive") : p.string();
}

}  // namespace

AuditedRun run_audited(const LoadedRun& run, const Target& target, EmbeddedEmulator* emu,
                       const AuditSpec& spec) {
  AuditedRun out;
  out.run_id = new_run_id();
  out.record =
      !spec.record.empty()
          ? spec.record
          : (fs::temp_directory_path() / ("golive-audit-" + out.run_id + ".jsonl")).string();
  out.started = std::chrono::system_clock::now();
  const auto epoch = std::chrono::steady_clock::now();
  auto recorder = std::make_unique<audit::Recorder>(out.record);
  audit::FaultPlanner planner(spec.schedule, spec.seed);
  audit::ProxyConfig pc;
  pc.upstream_base_url = target.base_url;
  pc.upstream_timeout = std::chrono::seconds(run.profile.http.timeout_s);
  pc.add_missing_money_keys = run.profile.embedded();
  pc.run_id = out.run_id;
  pc.pack = run.provider;
  audit::Proxy proxy(pc, planner, *recorder, epoch);
  proxy.start();

  audit::Header h;
  h.run_id = out.run_id;
  h.tool_version = GOLIVE_VERSION;
  h.started_at = iso8601_ms(out.started);
  h.schedule = spec.schedule_name;
  h.seed = spec.seed;
  h.upstream = run.profile.embedded() ? "embedded" : "remote";
  h.base_url = net::redact_url(target.base_url);
  h.proxy_url = proxy.base_url();
  h.command = fs::path(spec.argv.front()).filename().string();
  h.client_log = spec.client_log.empty() ? "" : fs::absolute(spec.client_log).string();
  std::map<std::string, CommandCredential> given;
  const auto command_vars =
      command_env(target, run.provider, proxy.base_url(), spec.caller_credentials_first, given);
  describe_provider(h, run.provider, target, given);
  recorder->header(h);
  if (spec.announce) {
    std::cerr << redact(
        fmt::format("audit {}: proxy {} -> {} (schedule {}, seed {}); recording {}\n", out.run_id,
                    proxy.base_url(), h.base_url, spec.schedule.name, spec.seed, out.record));
  }

  audit::CommandSpec cmd;
  cmd.argv = spec.argv;
  cmd.env = command_vars;
  cmd.timeout = spec.timeout;
  cmd.on_output = spec.on_output;
  out.outcome = audit::run_command(cmd);
  proxy.stop();
  if (!out.outcome.started) return out;

  audit::Footer& footer = out.footer;
  footer.present = true;
  footer.timed_out = out.outcome.timed_out;
  footer.interrupted = out.outcome.interrupted;
  footer.exit_code = out.outcome.exit_code;
  footer.duration_ms = out.outcome.duration.count();
  footer.exchanges = proxy.exchange_count();
  if (emu != nullptr) {
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
  return out;
}

std::vector<Diagnostic> audit_section_problems(const profile::Profile& profile) {
  std::vector<Diagnostic> out;
  if (!profile.audit) return out;
  const auto& a = *profile.audit;
  const SourceLoc at = profile.where("audit");
  try {
    audit::bind_schedule(audit::builtin_schedule(a.schedule), provider_pack(profile.provider));
  } catch (const ConfigError& e) {
    for (const auto& d : e.diagnostics()) {
      out.push_back(Diagnostic{profile.where("audit.schedule"), "'audit.schedule': " + d.message});
    }
  }
  const ProviderModule* module = find_module(profile.provider);
  if (module == nullptr || module->reference_client == nullptr) {
    out.push_back(Diagnostic{
        at, "'audit': provider " + profile.provider + " ships no reference client to run"});
  }
  return out;
}

namespace {

/// Runs the reference client under audit; what check needs of it.
ReferenceAudit::Done run_reference_client(const LoadedRun& run, std::chrono::seconds max_time,
                                          std::function<void(std::string_view)> echo) {
  ReferenceAudit::Done out;
  const profile::AuditConfig& cfg = *run.profile.audit;
  // Its own emulator and throwaway credentials: the reference client is a tenant of its own,
  // whatever the checks of the run do.
  Target target;
  target.profile = run.profile;
  target.profile.credentials.clear();
  std::unique_ptr<EmbeddedEmulator> emu;
  resolve_target(target, run.provider, [&emu](Target& t) {
    emu = find_module(t.profile.provider)->start_emulator(EmulatorSettings{});
    t.base_url = emu->base_url();
  });
  const std::string log_path =
      (fs::temp_directory_path() / ("golive-refclient-" + new_run_id() + ".log")).string();
  AuditSpec spec;
  spec.schedule_name = cfg.schedule;
  spec.schedule = audit::bind_schedule(audit::builtin_schedule(cfg.schedule), run.provider);
  spec.seed = static_cast<std::uint64_t>(cfg.seed);
  spec.client_log = log_path;
  spec.argv = {self_executable(), "reference-client", "--provider", run.profile.provider,
               "--log",           log_path,           "--seed",     std::to_string(cfg.seed)};
  spec.timeout = std::min(std::chrono::seconds(cfg.timeout_s), max_time);
  spec.caller_credentials_first = false;
  spec.on_output = std::move(echo);
  spec.announce = false;
  AuditedRun done;
  try {
    done = run_audited(run, target, emu.get(), spec);
  } catch (const std::runtime_error& e) {
    out.why = e.what();
    return out;
  }
  emu->stop();
  if (!done.outcome.started) {
    out.why = done.outcome.error;
    return out;
  }
  out.record = done.record;
  out.notes.push_back(fmt::format(
      "client.* grades: the {} reference client (`bluum-golive reference-client`), run by the "
      "profile's `audit:` section behind the audit proxy (schedule {}, seed {}) against its own "
      "embedded emulator — not your client; grade yours with `bluum-golive audit -- COMMAND` and "
      "`check --audit FILE`",
      run.provider.display_name.empty() ? run.provider.name : run.provider.display_name,
      cfg.schedule, cfg.seed));
  out.notes.push_back(
      fmt::format("reference client: exited {} after {} ms, {} exchanges; recording {}; its log {}",
                  done.outcome.exit_code, done.outcome.duration.count(), done.footer.exchanges,
                  done.record, log_path));
  return out;
}

bool is_grade(const PlannedCheck& c) {
  return c.entry->info.id.rfind("client.", 0) == 0;
}

}  // namespace

std::string reference_audit_plan(const profile::AuditConfig& audit) {
  return fmt::format(
      "audit: the provider's reference client runs under `audit` (schedule {}, seed {}) against "
      "an embedded emulator of its own on loopback, sandbox writes included; its requests are "
      "not listed above (--no-audit leaves it out)\n",
      audit.schedule, audit.seed);
}

ReferenceAudit::ReferenceAudit(const LoadedRun& run, const std::vector<PlannedCheck>& plan,
                               bool wanted, std::chrono::seconds max_time,
                               std::function<void(std::string_view)> echo) {
  if (!wanted || !run.profile.audit || std::none_of(plan.begin(), plan.end(), is_grade)) return;
  pending_ = std::async(std::launch::async, [&run, max_time, echo = std::move(echo)] {
    try {
      return run_reference_client(run, max_time, echo);
    } catch (const std::exception& e) {  // e.g. the emulator cannot listen
      return Done{"", e.what(), {}};
    }
  });
}

ReferenceAudit::~ReferenceAudit() {
  if (pending_.valid()) pending_.wait();
}

RunOutcome ReferenceAudit::run(std::vector<PlannedCheck>& plan, RunServices& services,
                               const RunOptions& options, Logger& log) {
  if (!pending_.valid()) return run_checks(plan, services, options);
  std::vector<PlannedCheck> first, grades;
  std::vector<size_t> first_at, grades_at;
  for (size_t i = 0; i < plan.size(); ++i) {
    (is_grade(plan[i]) ? grades : first).push_back(plan[i]);
    (is_grade(plan[i]) ? grades_at : first_at).push_back(i);
  }
  RunOutcome a = run_checks(first, services, options);
  done_ = pending_.get();
  if (done_->record.empty()) log.error("the profile's audit: client did not run: " + done_->why);
  services.audit_file = done_->record;
  RunOutcome b = run_checks(grades, services, options);
  RunOutcome out;
  out.rows.resize(plan.size());
  for (size_t k = 0; k < a.rows.size(); ++k) out.rows[first_at[k]] = std::move(a.rows[k]);
  for (size_t k = 0; k < b.rows.size(); ++k) out.rows[grades_at[k]] = std::move(b.rows[k]);
  out.abandoned = a.abandoned + b.abandoned;
  return out;
}

void ReferenceAudit::annotate(RunReport& report) const {
  if (!done_ || done_->record.empty()) return;
  for (auto& row : report.rows) {
    if (row.result.id.rfind("client.", 0) != 0 || row.result.status == Status::skip) continue;
    row.result.summary = "reference client: " + row.result.summary;
    Evidence e;
    e.label = "graded client";
    e.expected = "the client run under audit";
    e.observed = "the built-in reference client (the profile's audit: section), not the partner's";
    row.result.evidence.insert(row.result.evidence.begin(), std::move(e));
  }
  report.notes.insert(report.notes.end(), done_->notes.begin(), done_->notes.end());
}

}  // namespace golive::cli
