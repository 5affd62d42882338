// `emulate`: the local Bluum sandbox emulator in the foreground (SPEC §8).
#include <fmt/format.h>

#include <iostream>

#include "cli/cli.hpp"
#include "core/exit_codes.hpp"
#include "emulator/emulator.hpp"

namespace golive::cli {

namespace {
struct EmulateFlags {
  int port = 8080;
  std::string host = "127.0.0.1";
  std::vector<std::string> faults;
  std::string credentials;
  int rate_limit = 10;
};

std::string fault_help() {
  std::string s = "Switch on a defect (repeatable):";
  for (const auto& [name, desc] : emulator::known_faults()) s += "\n  " + name + ": " + desc;
  return s;
}
}  // namespace

void register_emulate(CLI::App& app, Commands& commands) {
  auto f = std::make_shared<EmulateFlags>();
  auto* cmd = app.add_subcommand("emulate", "Serve the local Bluum sandbox emulator (SPEC §8)");
  cmd->add_option("--port", f->port, "Port on 127.0.0.1 (0 = ephemeral)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--fault", f->faults, fault_help());
  cmd->add_option("--credentials", f->credentials,
                  "Accept only KEY:SECRET (default: any non-empty pair, each its own tenant)");
  cmd->add_option("--rate-limit", f->rate_limit, "Requests per second per key pair")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  commands.add(cmd, [f] {
    emulator::Options o;
    o.host = f->host;
    o.port = f->port;
    o.rate_limit_per_s = f->rate_limit;
    for (const auto& name : f->faults) o.faults.insert(name);
    if (!f->credentials.empty()) {
      auto colon = f->credentials.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == f->credentials.size()) {
        return usage_error({"emulate: --credentials must be KEY:SECRET"});
      }
      o.credentials = {f->credentials.substr(0, colon), f->credentials.substr(colon + 1)};
    }
    try {
      return emulator::run_foreground(o, std::cout);
    } catch (const std::invalid_argument& e) {
      return usage_error({std::string("emulate: ") + e.what()});
    }
  });
}

}  // namespace golive::cli
