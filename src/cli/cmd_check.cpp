// `check` and `validate`: load, plan, (run), decide, report.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "audit/recording.hpp"
#include "cli/audit_session.hpp"
#include "cli/cli.hpp"
#include "cli/embedded.hpp"
#include "cli/plan.hpp"
#include "core/exit_codes.hpp"
#include "engine/http_stack.hpp"
#include "engine/packs.hpp"
#include "engine/safety.hpp"
#include "engine/session.hpp"
#include "profile/credentials.hpp"
#include "report/baseline.hpp"
#include "report/github.hpp"
#include "report/report.hpp"

namespace golive::cli {

namespace {

std::vector<std::string> diagnostic_lines(const ConfigError& e) {
  std::vector<std::string> out;
  for (const auto& d : e.diagnostics()) out.push_back(d.str());
  return out;
}

/// Pairs formats with outputs by position; a missing output is stdout.
std::vector<std::pair<std::string, std::string>> report_targets(const CheckFlags& f) {
  std::vector<std::pair<std::string, std::string>> out;
  auto formats = f.formats.empty() ? std::vector<std::string>{"text"} : f.formats;
  for (size_t i = 0; i < formats.size(); ++i) {
    out.emplace_back(formats[i], i < f.outputs.size() ? f.outputs[i] : "-");
  }
  return out;
}

std::string validate_report_flags(const CheckFlags& f) {
  const auto& known = report::formats();
  for (const auto& fmt_name : f.formats) {
    if (std::find(known.begin(), known.end(), fmt_name) == known.end()) {
      return fmt::format("--format: unknown format '{}' (known: {})", fmt_name,
                         fmt::join(known, ", "));
    }
  }
  if (f.outputs.size() > std::max<size_t>(1, f.formats.size())) {
    return "--output: more outputs than --format values";
  }
  return "";
}

/// Reads the --audit recording once before anything is sent, so a file that is not a readable,
/// well-formed recording (a FIFO, a directory, over the size cap, malformed) is exit 2.
void check_recording(const std::string& path) {
  try {
    audit::load_recording(path);
  } catch (const std::runtime_error& e) {
    throw ConfigError(SourceLoc{"--audit", 0, 0}, e.what());
  }
}

std::chrono::year_month_day today(Clock& clock) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(clock.wall_now())};
}

}  // namespace

int usage_error(const std::vector<std::string>& lines) {
  for (const auto& l : lines) std::cerr << redact(l) << '\n';
  std::cerr << "exit 2: usage or profile error; nothing was sent\n";
  return exit_code::usage;
}

bool use_color(const std::string& flag, int fd) {
  if (flag == "always") return true;
  if (flag == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(fd) == 1;
}

void write_final_verdict(const std::string& verdict_line, bool text_report_on_stdout) {
  struct stat out {};
  struct stat err {};
  const bool one_file = fstat(1, &out) == 0 && fstat(2, &err) == 0 && out.st_dev == err.st_dev &&
                        out.st_ino == err.st_ino;
  if (text_report_on_stdout && one_file) return;
  std::cerr << verdict_line << '\n';
  std::cerr.flush();
}

int run_check(const CheckFlags& flags) {
  if (flags.env.empty() && flags.profile.empty())
    return usage_error({"check: --env or --profile is required"});
  if (auto e = validate_report_flags(flags); !e.empty()) return usage_error({e});
  Logger log(std::cerr, flags.quiet ? 0 : (flags.verbose ? 2 : 1));
  Clock& clock = SystemClock::instance();
  const auto started = clock.wall_now();
  const auto& registry = builtin_registry();

  LoadedRun run;
  Target main, rehearsal;
  std::vector<PlannedCheck> plan;
  nlohmann::json previous;
  RunOptions options;
  options.only = flags.only;
  options.skip = flags.skip;
  options.timeout = std::chrono::seconds(flags.timeout_s);
  // A check may use the whole run unless its profile entry sets timeout_s: a webhook receiver
  // is allowed response_budget_s (30 s by default) and must not be cut short.
  options.check_timeout = options.timeout;
  try {
    run = load_run(flags.env, flags.profile, flags.config_dir, registry);
    if (auto problems = audit_section_problems(run.profile); !problems.empty()) {
      throw ConfigError(std::move(problems));
    }
    main.profile = run.profile;
    if (run.rehearsal) rehearsal.profile = *run.rehearsal;
    options.pack = &run.provider;
    plan = plan_checks(registry, main, run.rehearsal ? &rehearsal : nullptr, options);
    if (!flags.baseline.empty()) previous = report::read_baseline(flags.baseline);
    if (!flags.audit_file.empty()) check_recording(flags.audit_file);
  } catch (const ConfigError& e) {
    return usage_error(diagnostic_lines(e));
  }
  // The run's targets: the write guard protects the production-kind ones (SPEC §5).
  const std::vector<const Target*> run_targets{&main, run.rehearsal ? &rehearsal : nullptr};
  if (flags.plan) {
    // Nothing is resolved or started: the plan names URLs as the profiles write them.
    main.base_url = main.profile.base_url;
    rehearsal.base_url = rehearsal.profile.base_url;
    print_plan(plan, std::cout);
    if (run.profile.audit && !flags.no_audit && flags.audit_file.empty()) {
      std::cout << reference_audit_plan(*run.profile.audit);
    }
    auto refusals = safety_refusals(plan, run.provider, run_targets);
    for (const auto& r : refusals) log.error(describe(r));
    std::cerr << (refusals.empty() ? "PLAN: nothing was sent (exit 0)\n"
                                   : "PLAN: the run would be REFUSED (exit 4); nothing was sent\n");
    return refusals.empty() ? exit_code::ready : exit_code::refused;
  }
  // Resolve credentials and start the embedded emulator only once everything validated.
  auto starter = embedded_starter();
  resolve_target(main, run.provider, starter);
  if (run.rehearsal) resolve_target(rehearsal, run.provider, starter);
  // Under GitHub Actions, mask every secret loaded so far before anything else is printed.
  const bool gha = report::github::enabled();
  if (gha) std::cerr << report::github::mask_commands() << std::flush;

  if (auto refusals = safety_refusals(plan, run.provider, run_targets); !refusals.empty()) {
    for (const auto& r : refusals) log.error(describe(r));
    std::cerr << "VERDICT: REFUSED (exit 4) — nothing was sent\n";
    return exit_code::refused;
  }

  const auto deadline = clock.now() + options.timeout;
  // The profile's `audit:` section (the demo): its client runs under `audit` beside the checks,
  // and the client.* checks grade that recording, labelled as the reference client's.
  std::function<void(std::string_view)> echo;
  if (flags.verbose) echo = [&log](std::string_view line) { log.debug(redact(line)); };
  ReferenceAudit reference(run, plan, !flags.no_audit && flags.audit_file.empty(),
                           std::chrono::duration_cast<std::chrono::seconds>(options.timeout), echo);
  const double rate = run.provider.rate_per_s(main.profile.kind);
  std::function<void(std::string_view)> trace;
  if (flags.verbose) trace = [&log](std::string_view line) { log.debug(line); };
  HttpStack http(main.profile.http, rate, clock, deadline, trace,
                 production_targets(run.provider, run_targets));

  const std::string run_id = new_run_id();
  TokenCache tokens(clock);
  RunServices services{run.provider, http.client(),    clock,  log, run_id, run.config_dir, {}, {},
                       &http.raw(),  flags.audit_file, &tokens};
  services.load_sibling = [&](const std::string& name, std::string& why) -> std::optional<Target> {
    try {
      auto dir = std::filesystem::path(main.profile.path).parent_path();
      Target t;
      t.profile = profile::load_profile((dir / (name + ".yaml")).string(),
                                        load_options(registry, run.provider));
      resolve_target(t, run.provider, nullptr);
      return t;
    } catch (const ConfigError& e) {
      why = e.what();
      return std::nullopt;
    }
  };
  bool progress = !flags.quiet && isatty(2) == 1;
  if (progress) {
    services.on_result = [&](const ResultRow& row, size_t done, size_t total) {
      log.info(fmt::format("[{}/{}] {:<12} {}", done, total, to_string(row.result.status),
                           row.result.id));
    };
  }
  log.debug(fmt::format("run {}: {} checks planned", run_id, plan.size()));
  RunOutcome outcome = reference.run(plan, services, options, log);
  if (const auto failure = guard_failure(http.guard()); !failure.empty()) {
    // A write reached the guard although planning allowed the run: a bug, no verdict (SPEC §5).
    for (const auto& line : failure) std::cerr << line << '\n';
    std::cerr.flush();
    if (outcome.abandoned > 0) std::_Exit(exit_code::internal);
    return exit_code::internal;
  }

  RunReport report = report_header(run, main, run_id);
  report.rows = std::move(outcome.rows);
  report.commitments = apply_commitments(main.profile, report.rows, today(clock));
  report.items = evaluate_items(*run.checklist, report.rows, report.commitments,
                                registry.ids_for(run.provider));
  report.started_at = iso8601(started);
  report.finished_at = iso8601(clock.wall_now());
  report.duration_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock.wall_now() - started).count();
  reference.annotate(report);
  decide(report, VerdictOptions{flags.strict, flags.report_only});
  if (!flags.baseline.empty()) {
    auto diff = report::diff_against_baseline(report, previous, {flags.baseline, flags.strict});
    report::apply_baseline(report, std::move(diff),
                           VerdictOptions{flags.strict, flags.report_only});
  }

  report::Style style{use_color(flags.color, 1), flags.quiet};
  const auto targets = report_targets(flags);
  for (const auto& [format, output] : targets) {
    if (output == "-") {
      report::write(format, report, std::cout, style);
      std::cout.flush();
      continue;
    }
    std::ofstream out(output, std::ios::trunc);
    if (!out) {
      log.error(fmt::format("cannot write {} report to {}", format, output));
      continue;
    }
    report::write(format, report, out, report::Style{false, false});
  }
  if (gha) {
    std::cerr << report::github::annotations(report);
    std::string error;
    if (!report::github::append_step_summary(report, error)) log.error(error);
  }
  const bool text_on_stdout =
      !gha && targets.size() == 1 && targets[0] == std::pair<std::string, std::string>{"text", "-"};
  write_final_verdict(report::verdict_line(report), text_on_stdout);
  if (outcome.abandoned > 0) {
    // Checks still running past the deadline hold references to this frame: leave now.
    std::cout.flush();
    std::_Exit(report.exit_code);
  }
  return report.exit_code;
}

int run_validate(const CheckFlags& flags) {
  if (flags.env.empty() && flags.profile.empty())
    return usage_error({"validate: --env or --profile is required"});
  const auto& registry = builtin_registry();
  std::vector<Diagnostic> diags;
  std::optional<ProfileText> text;
  LoadedRun run;
  bool loaded = false;
  try {
    text = read_profile_text(flags.env, flags.profile, flags.config_dir);
    run = load_run(flags.env, flags.profile, flags.config_dir, registry);
    loaded = true;
    if (auto problems = audit_section_problems(run.profile); !problems.empty()) {
      throw ConfigError(std::move(problems));
    }
    Target main, rehearsal;
    main.profile = run.profile;
    if (run.rehearsal) rehearsal.profile = *run.rehearsal;
    RunOptions options;
    options.pack = &run.provider;
    auto plan = plan_checks(registry, main, run.rehearsal ? &rehearsal : nullptr, options);
    std::cout << fmt::format("{}: {} checks would run\n", run.profile.path, plan.size());
  } catch (const ConfigError& e) {
    diags = e.diagnostics();
  }
  // Credentials that do not resolve are profile errors for `validate` (SPEC §4.1), the rehearsal
  // profile's included; they are reported together with any other problem, so a profile that
  // did not load is read once more, without throwing, for the credentials it does name.
  auto add = [&diags](const std::vector<Diagnostic>& more) {
    diags.insert(diags.end(), more.begin(), more.end());
  };
  if (loaded) {
    add(profile::unresolved_credentials(run.profile));
    if (run.rehearsal) add(profile::unresolved_credentials(*run.rehearsal));
  } else if (text) {
    try {
      add(profile::unresolved_credentials(
          profile::read_profile(text->text, text->path,
                                load_options(registry, provider_pack(peek_provider(text->text))))
              .profile));
    } catch (const ConfigError& e) {
      add(e.diagnostics());
    }
  }
  if (!diags.empty()) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.loc.file, a.loc.line, a.loc.col) <
             std::tie(b.loc.file, b.loc.line, b.loc.col);
    });
    std::vector<std::string> lines;
    for (const auto& d : diags) {
      // The same problem found by both readings is printed once.
      if (std::find(lines.begin(), lines.end(), d.str()) == lines.end()) lines.push_back(d.str());
    }
    return usage_error(lines);
  }
  std::cout << "profile OK; nothing was sent\n";
  return exit_code::ready;
}

}  // namespace golive::cli
