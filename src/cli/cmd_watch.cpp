// `watch`: read-only polling after cut-over (docs/watch.md). Loads the profile like `check`,
// sends only GETs through the run's HTTP stack with the write guard covering the watched
// target whatever its kind, and reports what needs a human.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/cli.hpp"
#include "cli/embedded.hpp"
#include "core/exit_codes.hpp"
#include "engine/http_stack.hpp"
#include "engine/logger.hpp"
#include "engine/packs.hpp"
#include "engine/safety.hpp"
#include "engine/session.hpp"
#include "watch/watch.hpp"

namespace golive::cli {

namespace {

struct WatchFlags {
  std::string env, profile, config_dir;
  int for_s = 1800;
  int interval_s = 0;
  std::string format = "text";
  std::string output = "-";
  bool quiet = false;
  bool verbose = false;
};

/// Every request the watch may send goes to the target read-only: the guard covers the
/// target's base URL even for a sandbox profile, and the pack's production hosts.
net::ProtectedTargets watched_targets(const ProviderPack& pack, const Target& target) {
  auto protect = production_targets(pack, {&target});
  for (const auto& url : {target.profile.base_url, target.base_url}) {
    if (auto parsed = net::parse_url(url); parsed.ok()) protect.add_base_url(*parsed.url);
  }
  return protect;
}

int run_watch_command(const WatchFlags& flags) {
  if (flags.env.empty() && flags.profile.empty()) {
    return usage_error({"watch: --env or --profile is required"});
  }
  Logger log(std::cerr, flags.quiet ? 0 : (flags.verbose ? 2 : 1));
  const auto& registry = builtin_registry();
  LoadedRun run;
  try {
    run = load_run(flags.env, flags.profile, flags.config_dir, registry);
  } catch (const ConfigError& e) {
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(d.str());
    return usage_error(lines);
  }
  if (!run.provider.watch) {
    return usage_error(
        {fmt::format("watch: the {} provider pack has no watch section", run.provider.name)});
  }
  Clock& clock = SystemClock::instance();
  Target target;
  target.profile = run.profile;
  resolve_target(target, run.provider, embedded_starter());

  watch::WatchOptions options;
  options.duration = std::chrono::seconds(flags.for_s);
  options.interval = std::chrono::seconds(flags.interval_s);
  const double rate = watch::polite_rate(run.provider, target.profile.kind);
  // Room for the last round's retries past the window; never an endless run.
  const auto deadline = clock.now() + options.duration + std::chrono::seconds(120);
  std::function<void(std::string_view)> trace;
  if (flags.verbose) trace = [&log](std::string_view line) { log.debug(line); };
  HttpStack http(target.profile.http, rate, clock, deadline, trace,
                 watched_targets(run.provider, target));
  TokenCache tokens(clock);
  ProviderApi api(run.provider, target, http.client(), &tokens,
                  std::chrono::seconds(target.profile.http.timeout_s));
  if (const auto missing = api.missing_credential(); !missing.empty()) {
    return usage_error({fmt::format("watch: the credential {} does not resolve", missing)});
  }

  const auto started = clock.wall_now();
  std::function<void(const std::string&)> progress;
  if (!flags.quiet) progress = [&log](const std::string& line) { log.info(line); };
  if (!flags.quiet) {
    log.info(fmt::format(
        "watch: {} for {} s, polling every {} s at most {:.1f} requests/s "
        "(GET only)",
        net::redact_url(target.base_url), flags.for_s,
        flags.interval_s > 0 ? flags.interval_s : run.provider.watch->interval_s, rate));
  }
  auto report = watch::run_watch(run.provider, api, clock, options, progress);
  if (const auto failure = guard_failure(http.guard()); !failure.empty()) {
    for (const auto& line : failure) std::cerr << line << '\n';
    return exit_code::internal;
  }
  report.profile = run.profile.path;
  report.provider = run.provider.name;
  report.environment = std::string(to_string(target.profile.kind));
  report.base_url = net::redact_url(target.base_url);
  report.started_at = iso8601(started);
  report.finished_at = iso8601(clock.wall_now());
  report.rate_per_s = rate;

  if (flags.output == "-") {
    watch::write_report(flags.format, report, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(flags.output, std::ios::trunc);
    if (!out) {
      log.error(fmt::format("cannot write the watch report to {}", flags.output));
    } else {
      watch::write_report(flags.format, report, out);
    }
  }
  std::cerr << fmt::format("VERDICT: {} (exit {})\n", report.verdict, report.exit_code);
  return report.exit_code;
}

}  // namespace

void register_watch(CLI::App& app, Commands& commands) {
  auto flags = std::make_shared<WatchFlags>();
  auto* cmd = app.add_subcommand(
      "watch", "After cut-over: poll read-only for stuck operations, disabled webhooks, errors");
  auto* env = cmd->add_option("--env", flags->env, "Profile name: reads config/profiles/NAME.yaml");
  auto* prof =
      cmd->add_option("--profile", flags->profile, "Profile file to read instead of --env");
  env->excludes(prof);
  cmd->add_option("--config-dir", flags->config_dir, "Directory holding profiles/");
  const std::map<std::string, int> units{{"s", 1}, {"m", 60}, {"min", 60}, {"h", 3600}};
  cmd->add_option("--for", flags->for_s, "How long to watch: 90s, 30m, 2h (default 30m)")
      ->transform(CLI::AsNumberWithUnit(units, CLI::AsNumberWithUnit::CASE_INSENSITIVE))
      ->check(CLI::Range(1, 24 * 3600));
  cmd->add_option("--interval", flags->interval_s,
                  "Time between polling rounds: 10s, 1m (default: the provider pack's)")
      ->transform(CLI::AsNumberWithUnit(units, CLI::AsNumberWithUnit::CASE_INSENSITIVE))
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--format", flags->format, "Report format: text|json")
      ->check(CLI::IsMember(watch::report_formats()))
      ->capture_default_str();
  cmd->add_option("--output", flags->output, "Report file ('-' = stdout)")->capture_default_str();
  auto* q = cmd->add_flag("-q,--quiet", flags->quiet, "No progress lines on stderr");
  auto* v = cmd->add_flag("-v,--verbose", flags->verbose, "Trace every HTTP exchange (redacted)");
  q->excludes(v);
  commands.add(cmd, [flags] { return run_watch_command(*flags); });
}

}  // namespace golive::cli
