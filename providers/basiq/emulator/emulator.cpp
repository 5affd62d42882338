/// The public Emulator facade.
#include "providers/basiq/emulator/emulator.hpp"

#include "emukit/facade_impl.hpp"
#include "providers/basiq/emulator/server.hpp"

namespace golive::basiq::emulator {

Emulator::Emulator(Options options) : Facade(std::move(options), "") {}

void Emulator::prepare(const PartnerSetup& setup) {
  server().prepare(setup);
}

size_t Emulator::token_requests() const {
  return server().token_requests();
}

std::vector<std::string> Emulator::issued_tokens() const {
  return server().issued_tokens();
}

size_t Emulator::created(const std::string& api_key, const std::string& kind) const {
  return server().created(api_key, kind);
}

}  // namespace golive::basiq::emulator

template class golive::emukit::Facade<golive::basiq::emulator::detail::Server,
                                      golive::basiq::emulator::Options>;
