/// The public Emulator facade.
#include "providers/bluum/emulator/emulator.hpp"

#include "emukit/facade_impl.hpp"
#include "providers/bluum/emulator/server.hpp"

namespace golive::bluum::emulator {

Emulator::Emulator(Options options) : Facade(std::move(options), "/v1") {}

size_t Emulator::deposit_count(const std::string& api_key) const {
  return server().count(api_key, &detail::Tenant::deposits);
}

size_t Emulator::withdrawal_count(const std::string& api_key) const {
  return server().count(api_key, &detail::Tenant::withdrawals);
}

}  // namespace golive::bluum::emulator

template class golive::emukit::Facade<golive::bluum::emulator::detail::Server,
                                      golive::bluum::emulator::Options>;
