#pragma once
#include "checks/api/api_http.hpp"

namespace golive::checks {

/// connectors.status — GET /connectors answers 200 and a list; each connector of an institution
/// the profile lists (`institutions: [AU00001, ...]`) that is in `major-outage` or
/// `partial-outage` is a warning naming its status; a listed institution with no connector is a
/// warning too. Without `institutions` it passes when the list answers, and says how many
/// connectors are in an outage.
class ConnectorsStatus final : public Check {
 public:
  static CheckInfo describe();
  explicit ConnectorsStatus(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::vector<std::string> institutions_;
};

}  // namespace golive::checks
