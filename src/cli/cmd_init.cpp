// `init`: writes an annotated profile to config/profiles/NAME.yaml.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli.hpp"
#include "core/exit_codes.hpp"

namespace golive::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kTemplate =
    R"(# {name} — a bluum-golive environment profile (written by `bluum-golive init`).
# Format reference: profile-reference.md in the tool's docs (/usr/share/doc/bluum-golive/, or
# src/profile/README.md in its source). Secrets never appear here: each credential names a
# source — {{env: VAR}}, {{file: PATH}} or {{command: [argv...]}} (run without a shell).
version: 1
provider: bluum
environment: {environment}
{kind_line}base_url: {base_url}
credentials:
  api_key:    {{env: {prefix}API_KEY}}
  api_secret: {{env: {prefix}API_SECRET}}
{rehearsal}webhook:
  url: https://partner.example.com/hooks/bluum   # your receiver
  secret: {{env: {prefix}WEBHOOK_SECRET}}
  scheme: standard          # standard | stripe | blockchain0x | custom
  tolerance_s: 300
  response_budget_s: 30
http: {{timeout_s: 10, max_attempts: 4, backoff_base_ms: 250, backoff_cap_ms: 8000}}
checks:                     # per-check options; every applicable built-in runs by default
  # api.smoke: {{path: /assets, query: {{class: equity, country: us, tradable: "true"}}}}
attestations:               # human items: {{by, on: YYYY-MM-DD, expires: YYYY-MM-DD, evidence}}
  # compliance.kyc-documents: {{by: ops@partner.example, on: 2026-11-01, expires: 2027-05-01, evidence: "ticket OPS-12"}}
waivers:                    # accept a failing check for a time: {{reason, approver, ticket, expires}}
  # webhook.duplicate: {{reason: "...", approver: cto@partner.example, ticket: OPS-19, expires: 2026-12-31}}
)";

/// ./config, or the first config/ with profiles/ from here upward.
fs::path target_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  std::error_code ec;
  for (fs::path d = fs::current_path(ec); !d.empty(); d = d.parent_path()) {
    if (fs::is_directory(d / "config" / "profiles")) return d / "config";
    if (d == d.parent_path()) break;
  }
  return fs::current_path(ec) / "config";
}

/// The annotated profile text for `env` of `kind`.
std::string profile_text(const std::string& env, const std::string& kind) {
  bool prod = kind == "production";
  bool named_kind = env == "sandbox" || env == "production";
  return fmt::format(
      kTemplate, fmt::arg("name", env), fmt::arg("environment", env),
      fmt::arg("kind_line", named_kind ? "" : "kind: " + kind + "\n"),
      fmt::arg("base_url", prod ? "https://api.bluumfinance.com/v1"
                                : "https://sandbox.api.bluumfinance.com/v1"),
      fmt::arg("prefix", prod ? "BLUUM_" : "BLUUM_SANDBOX_"),
      fmt::arg("rehearsal",
               prod ? "rehearsal: sandbox          # sandbox-write checks run there\n" : ""));
}

bool write_file(const fs::path& file, const std::string& text) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::trunc);
  return out && (out << text);
}

}  // namespace

int run_init(const std::string& env, const std::string& kind_flag, const std::string& config_dir,
             bool force) {
  if (env.empty() || env.find_first_of("/\\. ") != std::string::npos) {
    return usage_error({"init: --env must be a plain name such as 'production' or 'staging'"});
  }
  std::string kind = kind_flag;
  if (kind.empty())
    kind = env == "production" || env == "prod" || env == "live" ? "production" : "sandbox";
  fs::path dir = target_dir(config_dir) / "profiles";
  fs::path file = dir / (env + ".yaml");
  if (fs::exists(file) && !force) {
    return usage_error({fmt::format("init: {} exists; pass --force to overwrite", file.string())});
  }
  if (!write_file(file, profile_text(env, kind))) {
    return usage_error({fmt::format("init: cannot write {}", file.string())});
  }
  std::cout << fmt::format("wrote {} ({} profile)\n", file.string(), kind);
  // A production profile names `rehearsal: sandbox`; without that profile nothing would load.
  fs::path rehearsal = dir / "sandbox.yaml";
  if (kind == "production" && !fs::exists(rehearsal)) {
    if (!write_file(rehearsal, profile_text("sandbox", "sandbox"))) {
      return usage_error({fmt::format("init: cannot write {}", rehearsal.string())});
    }
    std::cout << fmt::format(
        "wrote {} (its rehearsal profile: sandbox-write checks run there, never in production)\n",
        rehearsal.string());
  }
  std::cout << fmt::format("next: bluum-golive validate --env {}\n", env);
  return exit_code::ready;
}

}  // namespace golive::cli
