/// The public Emulator facade.
#include "providers/basiq/emulator/emulator.hpp"

#include "providers/basiq/emulator/server.hpp"

namespace golive::basiq::emulator {

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
  return impl_->server.origin();
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

void Emulator::prepare(const PartnerSetup& setup) {
  impl_->server.prepare(setup);
}

size_t Emulator::request_count() const {
  return impl_->server.request_count();
}

size_t Emulator::token_requests() const {
  return impl_->server.token_requests();
}

std::vector<std::string> Emulator::issued_tokens() const {
  return impl_->server.issued_tokens();
}

size_t Emulator::created(const std::string& api_key, const std::string& kind) const {
  return impl_->server.created(api_key, kind);
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

}  // namespace golive::basiq::emulator
