/// The public Emulator facade and `bluum-golive emulate`'s foreground loop.
#include "emulator/emulator.hpp"

#include <pthread.h>

#include <csignal>

#include "emulator/server.hpp"

namespace golive::emulator {

class Emulator::Impl {
 public:
  explicit Impl(Options options) : server(std::move(options)) {}
  detail::Server server;
};

Emulator::Emulator(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Emulator::~Emulator() = default;

void Emulator::start() {
  impl_->server.start();
}

void Emulator::stop() {
  impl_->server.stop();
}

const Options& Emulator::options() const {
  return impl_->server.options();
}

int Emulator::port() const {
  return impl_->server.port();
}

std::string Emulator::base_url() const {
  return impl_->server.origin() + "/v1";
}

std::string Emulator::receiver_url() const {
  return impl_->server.origin() + "/receiver/webhooks";
}

void Emulator::set_receiver_verifier(Verifier verifier) {
  impl_->server.receiver().set_verifier(std::move(verifier));
}

void Emulator::set_webhook_signer(Signer signer) {
  impl_->server.dispatcher().set_signer(std::move(signer));
}

size_t Emulator::request_count() const {
  return impl_->server.request_count();
}

size_t Emulator::deposit_count(const std::string& api_key) const {
  return impl_->server.count(api_key, &detail::Tenant::deposits);
}

size_t Emulator::withdrawal_count(const std::string& api_key) const {
  return impl_->server.count(api_key, &detail::Tenant::withdrawals);
}

std::vector<ReceivedDelivery> Emulator::received_deliveries() const {
  return impl_->server.receiver().received();
}

std::vector<DeliveryAttempt> Emulator::delivery_attempts() const {
  return impl_->server.dispatcher().attempts();
}

bool Emulator::flush_deliveries(std::chrono::milliseconds timeout) {
  return impl_->server.dispatcher().flush(timeout);
}

int run_foreground(Options options, std::ostream& log) {
  Emulator emulator(std::move(options));  // std::invalid_argument propagates to the CLI
  // Block SIGINT/SIGTERM before any server thread exists, so every thread inherits the mask
  // and this thread alone receives them through sigwait (no async handler needed).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  try {
    emulator.start();
  } catch (const std::exception& e) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    log << "emulate: " << e.what() << '\n';
    return 2;
  }
  const Options& o = emulator.options();
  log << "Bluum sandbox emulator listening\n"
      << "  base_url:    " << emulator.base_url() << '\n'
      << "  receiver:    " << emulator.receiver_url() << '\n'
      << "  credentials: "
      << (o.credentials ? "restricted to one key pair"
                        : "any non-empty key:secret pair (each pair is its own tenant)")
      << '\n'
      << "  faults:      ";
  if (o.faults.empty()) log << "none";
  for (auto it = o.faults.begin(); it != o.faults.end(); ++it) {
    log << (it == o.faults.begin() ? "" : ", ") << *it;
  }
  log << "\nPress Ctrl-C to stop." << std::endl;
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  log << "Stopping (signal " << signal_number << ")." << std::endl;
  emulator.stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return 0;
}

}  // namespace golive::emulator
