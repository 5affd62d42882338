// bluum-golive: proves a fintech API integration is ready for production (see README).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/cli.hpp"
#include "core/exit_codes.hpp"
#include "core/secret.hpp"
#include "engine/packs.hpp"

namespace {

void add_check_flags(CLI::App* cmd, golive::cli::CheckFlags& f, bool full) {
  auto* env = cmd->add_option("--env", f.env, "Profile name: reads config/profiles/NAME.yaml");
  auto* prof = cmd->add_option("--profile", f.profile, "Profile file to read instead of --env");
  env->excludes(prof);
  cmd->add_option("--config-dir", f.config_dir,
                  "Directory holding profiles/ (default: the first config/ with a profiles/ "
                  "folder from here upward)");
  if (!full) return;
  cmd->add_option("--only", f.only, "Run only these check ids (comma-separated)")->delimiter(',');
  cmd->add_option("--skip", f.skip, "Skip these check ids (comma-separated)")->delimiter(',');
  cmd->add_option("--format", f.formats,
                  "Report format: text|json|junit|sarif|markdown (repeatable)");
  cmd->add_option("--output", f.outputs,
                  "File for the matching --format ('-' = stdout; repeatable)");
  cmd->add_flag("--report-only", f.report_only, "Write every report and exit 0");
  cmd->add_flag("--strict", f.strict,
                "Fail on warnings, waivers and attestations past half their life");
  cmd->add_flag("--plan", f.plan, "List every request the run would send; send nothing");
  cmd->add_option("--audit", f.audit_file,
                  "Grade a client-audit recording (from `bluum-golive audit --record`)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--no-audit", f.no_audit,
                "Do not run the client the profile's audit: section names (the demo's reference "
                "client); client.* checks are then skipped");
  cmd->add_option("--baseline", f.baseline,
                  "A previous JSON report: fail only on regressions against it");
  cmd->add_option("--timeout", f.timeout_s, "Overall deadline in seconds")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--color", f.color, "Colour: auto|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  auto* q = cmd->add_flag("-q,--quiet", f.quiet, "Print only the verdict line");
  auto* v = cmd->add_flag("-v,--verbose", f.verbose, "Trace every HTTP exchange (redacted)");
  q->excludes(v);
}

int dispatch(int argc, char** argv) {
  CLI::App app{
      "bluum-golive — proves a fintech API integration (Bluum, Blockchain0x, Basiq) is ready\n"
      "for production, item by item of the vendor's go-live checklist.\n"
      "Exit codes: 0 READY, 1 NOT READY, 2 usage/profile error, 3 INCONCLUSIVE,\n"
      "4 refused by the safety policy, 70 internal error.",
      "bluum-golive"};
  app.set_version_flag("--version", golive::cli::version_text);
  app.require_subcommand(1);
  // Global, so it may come before or after the subcommand.
  app.fallthrough();
  std::string packs_dir;
  app.add_option("--packs-dir", packs_dir,
                 "Read provider packs, checklists and built-in profiles from DIR first (laid out "
                 "like share/bluum-golive/; for pack development)")
      ->check(CLI::ExistingDirectory);

  golive::cli::CheckFlags check_flags, validate_flags;
  auto* check = app.add_subcommand("check", "Run the go-live checks and report, item by item");
  add_check_flags(check, check_flags, true);
  auto* validate =
      app.add_subcommand("validate", "Parse a profile and build every check; sends nothing");
  add_check_flags(validate, validate_flags, false);

  std::string list_format = "text", list_provider;
  auto* list = app.add_subcommand("list", "The check catalogue");
  list->add_option("--format", list_format, "text|json|markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  list->add_option("--provider", list_provider, "Only the checks this provider runs");

  std::string explain_id, explain_provider;
  auto* explain = app.add_subcommand("explain", "What a check verifies, why, and how to fix it");
  explain->add_option("CHECK_ID", explain_id, "Check id, e.g. credentials.present")->required();
  explain->add_option("--provider", explain_provider,
                      "As this provider runs it (default: every provider that has it)");

  std::string init_env, init_kind, init_config, init_provider = "bluum";
  bool init_force = false;
  auto* init =
      app.add_subcommand("init", "Write an annotated profile to config/profiles/NAME.yaml");
  init->add_option("--env", init_env, "Profile name")->required();
  init->add_option("--kind", init_kind, "sandbox|production (default: from the name)")
      ->check(CLI::IsMember({"sandbox", "production"}));
  init->add_option("--config-dir", init_config, "Config directory (default: ./config)");
  init->add_flag("--force", init_force, "Overwrite an existing profile");
  init->add_option("--provider", init_provider, "Which provider's profile")->capture_default_str();

  golive::cli::Commands commands;
  golive::cli::register_emulate(app, commands);
  golive::cli::register_webhook(app, commands);
  golive::cli::register_audit(app, commands);
  golive::cli::register_watch(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    std::cerr << "exit 2: usage error; nothing was sent (see --help)\n";
    return golive::exit_code::usage;
  }

  golive::set_packs_dir(packs_dir);
  using namespace golive::cli;
  if (int rc = commands.run_selected(); rc >= 0) return rc;
  if (*check) return run_check(check_flags);
  if (*validate) return run_validate(validate_flags);
  if (*list) return run_list(list_format, list_provider);
  if (*explain) return run_explain(explain_id, explain_provider);
  if (*init) return run_init(init_env, init_kind, init_config, init_force, init_provider);
  return golive::exit_code::usage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << golive::redact(e.what())
              << "\nexit 70: this is a bug in bluum-golive; please report it\n";
    return golive::exit_code::internal;
  } catch (...) {
    std::cerr << "internal error\nexit 70: this is a bug in bluum-golive; please report it\n";
    return golive::exit_code::internal;
  }
}
