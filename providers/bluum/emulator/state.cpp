#include "providers/bluum/emulator/state.hpp"

namespace golive::bluum::emulator::detail {

json& require_investor(Tenant& t, const std::string& id) {
  check_id(id, "inv", "investor_id");
  json* investor = t.investors.find(id);
  if (investor == nullptr) not_found("investor", id);
  return *investor;
}

}  // namespace golive::bluum::emulator::detail
