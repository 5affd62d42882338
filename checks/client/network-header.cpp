#include "checks/client/network-header.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientNetworkHeader::describe() {
  CheckInfo i = client::client_info(
      "network-header", "The client sends the mode header of its key", {"network.consistent"},
      "Every request of the client carries each header the provider pack requires on every "
      "request (`headers`), with the value for the mode of the key it used (key-prefix packs: "
      "the key's prefix decides; otherwise the audited profile's mode).",
      "A request without the header, or with the other mode's value, is refused by the vendor "
      "or, worse, reaches the other network.",
      "Send the header on every request, derived from the same setting as the key (a test key "
      "with the test value, a live key with the live one).");
  i.requires_pack = {"mode-headers"};
  return i;
}

ClientNetworkHeader::ClientNetworkHeader(CheckOptions&) {}

CheckResult ClientNetworkHeader::run(CheckContext& ctx) {
  return client::run_grade("client.network-header", ctx);
}

}  // namespace golive::checks
