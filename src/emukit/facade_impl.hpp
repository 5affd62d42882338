#pragma once
/// The members of emukit::Facade (emukit/facade.hpp). Included by a provider's emulator.cpp,
/// which then instantiates `template class emukit::Facade<detail::Server, Options>;`. The
/// server must have start(), stop(), options(), port(), origin(), request_count(), receiver()
/// and dispatcher().
#include <utility>

#include "emukit/dispatcher.hpp"
#include "emukit/facade.hpp"
#include "emukit/receiver.hpp"

namespace golive::emukit {

template <class Server, class Options>
Facade<Server, Options>::Facade(Options options, std::string api_path)
    : server_(std::make_unique<Server>(std::move(options))), api_path_(std::move(api_path)) {}

template <class Server, class Options>
Facade<Server, Options>::~Facade() = default;

template <class Server, class Options>
void Facade<Server, Options>::start() {
  server_->start();
}

template <class Server, class Options>
void Facade<Server, Options>::stop() {
  server_->stop();
}

template <class Server, class Options>
const Options& Facade<Server, Options>::options() const {
  return server_->options();
}

template <class Server, class Options>
int Facade<Server, Options>::port() const {
  return server_->port();
}

template <class Server, class Options>
std::string Facade<Server, Options>::base_url() const {
  return server_->origin() + api_path_;
}

template <class Server, class Options>
std::string Facade<Server, Options>::receiver_url() const {
  return server_->origin() + "/receiver/webhooks";
}

template <class Server, class Options>
void Facade<Server, Options>::set_receiver_verifier(Verifier verifier) {
  server_->receiver().set_verifier(std::move(verifier));
}

template <class Server, class Options>
void Facade<Server, Options>::set_webhook_signer(Signer signer) {
  server_->dispatcher().set_signer(std::move(signer));
}

template <class Server, class Options>
std::size_t Facade<Server, Options>::request_count() const {
  return server_->request_count();
}

template <class Server, class Options>
std::vector<ReceivedDelivery> Facade<Server, Options>::received_deliveries() const {
  return server_->receiver().received();
}

template <class Server, class Options>
std::vector<DeliveryAttempt> Facade<Server, Options>::delivery_attempts() const {
  return server_->dispatcher().attempts();
}

template <class Server, class Options>
bool Facade<Server, Options>::flush_deliveries(std::chrono::milliseconds timeout) {
  return server_->dispatcher().flush(timeout);
}

}  // namespace golive::emukit
