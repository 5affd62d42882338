#pragma once
#include "checks/api/api_http.hpp"

namespace golive::checks {

/// api.smoke — the cut-over smoke test (SEED §1.13): an authenticated read-only GET of
/// `path` (default /assets) with `query` answers 200 and a JSON list within `max_latency_ms`
/// (default 1000). 401/403 fail with the code's meaning; 429/5xx after retries and network
/// failures are inconclusive; a bad certificate or a non-JSON body fails.
class ApiSmoke final : public Check {
 public:
  static CheckInfo describe();
  explicit ApiSmoke(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string path_and_query_;
  int max_latency_ms_;
};

}  // namespace golive::checks
