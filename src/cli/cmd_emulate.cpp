// `emulate`: a provider's local sandbox emulator in the foreground (SPEC §8, §11).
#include <fmt/format.h>

#include <iostream>

#include "cli/cli.hpp"
#include "core/diagnostic.hpp"
#include "core/exit_codes.hpp"
#include "engine/packs.hpp"
#include "engine/provider_module.hpp"

namespace golive::cli {

namespace {
struct EmulateFlags {
  std::string provider = "bluum";
  int port = 8080;
  std::string host = "127.0.0.1";
  std::vector<std::string> faults;
  std::string credentials;
  int rate_limit = 0;
};

std::string fault_help() {
  std::string s = "Switch on a defect (repeatable):";
  for (const auto& m : provider_modules()) {
    s += "\n " + m.name + ":";
    for (const auto& [name, desc] : m.faults()) s += "\n  " + name + ": " + desc;
  }
  return s;
}
}  // namespace

void register_emulate(CLI::App& app, Commands& commands) {
  auto f = std::make_shared<EmulateFlags>();
  auto* cmd = app.add_subcommand("emulate", "Serve a provider's local sandbox emulator (SPEC §8)");
  cmd->add_option("--provider", f->provider, "Which provider's emulator")->capture_default_str();
  cmd->add_option("--port", f->port, "Port on 127.0.0.1 (0 = ephemeral)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--fault", f->faults, fault_help());
  cmd->add_option("--credentials", f->credentials,
                  "Accept only these credentials (Bluum: KEY:SECRET; default: any well-formed "
                  "credentials, each its own tenant)");
  cmd->add_option("--rate-limit", f->rate_limit,
                  "Requests per second per key (default: the provider's published limit)")
      ->check(CLI::Range(1, 10000));
  commands.add(cmd, [f] {
    const ProviderModule* module = find_module(f->provider);
    if (module == nullptr) {
      std::vector<std::string> names;
      for (const auto& m : provider_modules()) names.push_back(m.name);
      return usage_error(
          {fmt::format("emulate: unknown provider '{}' (this bluum-golive carries: {})",
                       f->provider, fmt::join(names, ", "))});
    }
    EmulatorSettings s;
    s.host = f->host;
    s.port = f->port;
    s.credentials = f->credentials;
    s.rate_limit_per_s = f->rate_limit;
    for (const auto& name : f->faults) s.faults.insert(name);
    try {
      return serve_foreground(*module, provider_pack(f->provider).display_name, s, std::cout);
    } catch (const std::invalid_argument& e) {
      return usage_error({std::string("emulate: ") + e.what()});
    } catch (const ConfigError& e) {
      return usage_error({std::string("emulate: ") + e.what()});
    }
  });
}

}  // namespace golive::cli
