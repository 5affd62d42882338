#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// api.tls — the base URL's TLS: the certificate verifies for the host, expires more than
/// `fail_days` (14) away (warn below `warn_days`, 30), and TLS 1.2 or newer is negotiated.
/// Skipped for plain http to a loopback host (a local emulator); plain http elsewhere fails.
/// Options: ca_file (PEM bundle to trust instead of the system store), fail_days, warn_days.
class ApiTls final : public Check {
 public:
  static CheckInfo describe();
  explicit ApiTls(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string ca_file_;
  int fail_days_;
  int warn_days_;
};

}  // namespace golive::checks
