// `webhook sign|verify|send`: the signing code of the webhook.* checks, for users (SPEC §6).
// The secret is read from an environment variable named on the command line, never from argv.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <stdexcept>

#include "checks/webhook/delivery.hpp"
#include "cli/cli.hpp"
#include "cli/embedded.hpp"
#include "core/exit_codes.hpp"
#include "core/file.hpp"
#include "core/yaml_load.hpp"
#include "crypto/webhook.hpp"
#include "engine/registry.hpp"
#include "engine/safety.hpp"
#include "engine/session.hpp"
#include "net/curl_client.hpp"
#include "net/write_guard.hpp"

namespace golive::cli {

namespace {

struct SchemeFlags {
  std::string scheme = "standard";
  std::string secret_env;
  std::string custom_config;
  std::string body;
};

struct SignFlags : SchemeFlags {
  std::string id;
  std::optional<std::int64_t> timestamp;
};

struct VerifyFlags : SchemeFlags {
  std::string headers;
  std::optional<std::int64_t> now;
  int tolerance = 300;
};

struct SendFlags {
  std::string env, profile, config_dir, event = checks::wh::kTestEventType;
};

/// The largest body or headers file read (a webhook delivery is a few KiB).
constexpr size_t kMaxInputBytes = 4 * 1024 * 1024;

/// The exact bytes of `path` ("-" = stdin), a regular file of at most kMaxInputBytes; throws
/// std::runtime_error naming the path (a FIFO, device or directory is refused, never read).
std::string read_bytes(const std::string& path) {
  const std::string too_large = "is larger than " + size_text(kMaxInputBytes);
  if (path == "-") {
    std::string out;
    char buf[16384];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      out.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (out.size() > kMaxInputBytes) throw std::runtime_error("stdin " + too_large);
    }
    return out;
  }
  FileText file = read_regular_file(path, kMaxInputBytes);
  if (!file.ok()) throw std::runtime_error("cannot read " + path + ": " + file.error);
  return std::move(*file.text);
}

/// The secret from environment variable `var`, registered with the Redactor.
Secret secret_from_env(const std::string& var) {
  const char* value = std::getenv(var.c_str());
  if (!value || !*value) throw std::runtime_error("environment variable " + var + " is not set");
  return Secret(value, "env " + var);
}

checks::wh::SchemeSetup scheme_from(const SchemeFlags& f) {
  YAML::Node custom;
  if (f.scheme == "custom") {
    if (f.custom_config.empty())
      throw std::runtime_error("--scheme custom needs --custom-config FILE");
    try {
      custom = load_yaml_file(f.custom_config, k_max_config_bytes, "custom scheme config");
    } catch (const ConfigError& e) {
      throw std::runtime_error("--custom-config " + e.diagnostics().front().str());
    }
  } else if (!f.custom_config.empty()) {
    throw std::runtime_error("--custom-config applies only to --scheme custom");
  }
  return checks::wh::make_scheme_setup(f.scheme, custom);
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// `Name: value` lines up to the first blank line after a header; an HTTP request line first
/// is skipped. Throws std::runtime_error for a line that is neither.
webhook::HeaderList parse_headers(const std::string& text) {
  webhook::HeaderList out;
  size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!out.empty()) break;
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0 || line.find(' ') < colon) {
      if (out.empty() && line.find(" HTTP/") != std::string::npos) continue;
      throw std::runtime_error(fmt::format("headers line {}: expected 'Name: value'", line_no));
    }
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t") + 1);
    out.emplace_back(line.substr(0, colon), value);
  }
  return out;
}

int run_sign(const SignFlags& f) {
  const auto setup = scheme_from(f);
  const Secret secret = secret_from_env(f.secret_env);
  webhook::SignInput in;
  in.body = read_bytes(f.body);
  in.timestamp = f.timestamp.value_or(unix_now());
  in.id = f.id.empty() ? "msg_golive_" + std::to_string(in.timestamp) : f.id;
  for (const auto& [name, value] : setup.scheme->sign(secret.reveal(), in)) {
    std::cout << name << ": " << value << '\n';
  }
  return exit_code::ready;
}

int run_verify(const VerifyFlags& f) {
  const auto setup = scheme_from(f);
  const Secret secret = secret_from_env(f.secret_env);
  const auto headers = parse_headers(read_bytes(f.headers));
  const auto body = read_bytes(f.body);
  const auto r =
      setup.scheme->verify(secret.reveal(), headers, body, f.now.value_or(unix_now()), f.tolerance);
  if (r.ok) {
    std::cout << "OK\n";
    return exit_code::ready;
  }
  std::cout << redact("FAIL " + r.code + ": " + r.reason) << '\n';
  return exit_code::not_ready;
}

/// Response headers worth quoting to a support desk: request, trace and correlation ids.
bool is_id_header(const std::string& name) {
  for (const char* part : {"request-id", "requestid", "trace", "correlation", "cf-ray"}) {
    if (name.find(part) != std::string::npos) return true;
  }
  return false;
}

int run_send(const SendFlags& f) {
  if (f.env.empty() && f.profile.empty())
    return usage_error({"webhook send: --env or --profile is required"});
  LoadedRun run;
  try {
    run = load_run(f.env, f.profile, f.config_dir, builtin_registry());
  } catch (const ConfigError& e) {
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(d.str());
    return usage_error(lines);
  }
  Target target;
  target.profile = run.profile;
  // A delivery goes to the partner's own endpoint: side-effect class partner-endpoint, not a
  // write to the provider API; it still never goes to a production target (SPEC §5).
  auto production = production_targets(run.provider, {&target});
  if (target.profile.webhook) {
    if (auto why = partner_endpoint_refusal(production, target.profile.webhook->url)) {
      std::cerr << redact(
          fmt::format("refused: webhook send is a partner-endpoint delivery and "
                      "{} ({})\n",
                      *why, target.profile.path));
      std::cerr << "VERDICT: REFUSED (exit 4) — nothing was sent\n";
      return exit_code::refused;
    }
  }
  resolve_target(target, run.provider, embedded_starter());
  checks::wh::EndpointProblem problem;
  const auto ep = checks::wh::resolve_endpoint(target, problem);
  if (!ep) return usage_error({"webhook send: " + problem.reason});

  const auto d = checks::wh::make_delivery(*ep, new_run_id(), "send", f.event, unix_now());
  net::CurlClient curl;
  net::WriteGuard guard(production_targets(run.provider, {&target}));
  net::GuardedClient guarded(curl, guard);
  net::OriginClient http(guarded, "webhook send");
  const auto timeout = std::chrono::milliseconds(ep->response_budget_s * 1000L + 2000);
  const auto x = checks::wh::post(http, *ep, d, timeout);
  if (const auto failure = guard_failure(guard); !failure.empty()) {
    for (const auto& line : failure) std::cerr << line << '\n';
    return exit_code::internal;
  }
  std::cout << redact("sent: " + checks::wh::sent_evidence(*ep, d).observed) << '\n';
  if (const auto* err = x.error()) {
    std::cout << redact("no answer: " + checks::wh::transport_summary(*err)) << '\n';
    return exit_code::inconclusive;
  }
  const auto& resp = *x.response();
  std::cout << fmt::format("status: {} ({} ms)\n", resp.status, resp.latency.count());
  for (const auto& [name, value] : resp.headers.all()) {
    if (is_id_header(name)) std::cout << redact(name + ": " + value) << '\n';
  }
  constexpr size_t kCap = 2048;
  // Redacted before it is cut: a secret straddling the cut must not leak its first half.
  std::string body = redacted_excerpt(resp.body, kCap);
  if (body.size() > kCap || resp.truncated) body += "\n[... body cut at 2 KiB]";
  std::cout << "body: " << body << '\n';
  return resp.status >= 200 && resp.status <= 299 ? exit_code::ready : exit_code::not_ready;
}

/// Runs `action`, turning expected problems (bad flags, files, env) into exit 2.
template <class F>
int guarded(const char* name, F action) {
  try {
    return action();
  } catch (const std::invalid_argument& e) {
    return usage_error({fmt::format("webhook {}: {}", name, e.what())});
  } catch (const std::runtime_error& e) {
    return usage_error({fmt::format("webhook {}: {}", name, e.what())});
  }
}

void add_scheme_flags(CLI::App* cmd, SchemeFlags& f) {
  cmd->add_option("--scheme", f.scheme, "standard|stripe|blockchain0x|custom")
      ->check(CLI::IsMember(webhook::scheme_names()))
      ->capture_default_str();
  cmd->add_option("--secret-env", f.secret_env,
                  "Environment variable holding the webhook secret (never pass it on argv)")
      ->required();
  cmd->add_option("--custom-config", f.custom_config,
                  "YAML file with the webhook.custom keys (for --scheme custom)");
  cmd->add_option("--body", f.body, "File with the exact raw body ('-' = stdin)")->required();
}

}  // namespace

void register_webhook(CLI::App& app, Commands& commands) {
  auto* cmd = app.add_subcommand("webhook", "Sign, verify or send a webhook delivery (SPEC §6)");
  cmd->require_subcommand(1);

  auto sf = std::make_shared<SignFlags>();
  auto* sign = cmd->add_subcommand("sign", "Print the signature headers for a body");
  add_scheme_flags(sign, *sf);
  sign->add_option("--id", sf->id, "Message id (default msg_golive_<timestamp>)");
  sign->add_option("--timestamp", sf->timestamp, "Unix seconds (default now)");
  commands.add(sign, [sf] { return guarded("sign", [&] { return run_sign(*sf); }); });

  auto vf = std::make_shared<VerifyFlags>();
  auto* verify = cmd->add_subcommand("verify", "Check a captured delivery; say why it fails");
  add_scheme_flags(verify, *vf);
  verify->add_option("--headers", vf->headers, "File of 'Name: value' lines ('-' = stdin)")
      ->required();
  verify->add_option("--now", vf->now, "Unix seconds to verify at (default now)");
  verify
      ->add_option("--tolerance", vf->tolerance,
                   "Timestamp window in seconds; negative = do not check the window")
      ->capture_default_str();
  commands.add(verify, [vf] { return guarded("verify", [&] { return run_verify(*vf); }); });

  auto nf = std::make_shared<SendFlags>();
  auto* send =
      cmd->add_subcommand("send", "Deliver one signed test event to the profile's endpoint");
  auto* env = send->add_option("--env", nf->env, "Profile name: reads config/profiles/NAME.yaml");
  send->add_option("--profile", nf->profile, "Profile file to read instead of --env")
      ->excludes(env);
  send->add_option("--config-dir", nf->config_dir,
                   "Config directory (default: ./config searched upward)");
  send->add_option("--event", nf->event, "Event type of the test event")->capture_default_str();
  commands.add(send, [nf] { return guarded("send", [&] { return run_send(*nf); }); });
}

}  // namespace golive::cli
