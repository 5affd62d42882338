// What provider modules share: finding one by name and serving its emulator in the foreground.
#include "engine/provider_module.hpp"

#include <pthread.h>

#include <csignal>
#include <stdexcept>

namespace golive {

const ProviderModule* find_module(const std::string& name) {
  for (const auto& m : provider_modules()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

int serve_foreground(const ProviderModule& module, const std::string& display_name,
                     const EmulatorSettings& settings, std::ostream& log) {
  // Block SIGINT/SIGTERM before any server thread exists, so every thread inherits the mask
  // and this thread alone receives them through sigwait (no async handler needed).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  std::unique_ptr<EmbeddedEmulator> emu;
  try {
    emu = module.start_emulator(settings);
  } catch (const std::runtime_error& e) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    log << "emulate: " << e.what() << '\n';
    return 2;
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    throw;  // std::invalid_argument: a usage error for the CLI
  }
  log << display_name << " sandbox emulator listening\n"
      << "  base_url:    " << emu->base_url() << '\n'
      << "  receiver:    " << emu->receiver_url() << '\n'
      << "  credentials: "
      << (settings.credentials.empty() ? "any well-formed credentials (each its own tenant)"
                                       : "restricted to the given credentials")
      << '\n'
      << "  faults:      ";
  if (settings.faults.empty()) log << "none";
  for (auto it = settings.faults.begin(); it != settings.faults.end(); ++it) {
    log << (it == settings.faults.begin() ? "" : ", ") << *it;
  }
  log << "\nPress Ctrl-C to stop." << std::endl;
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  log << "Stopping (signal " << signal_number << ")." << std::endl;
  emu->stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return 0;
}

}  // namespace golive
