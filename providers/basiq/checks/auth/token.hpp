#pragma once
#include "checks/api/api_http.hpp"

namespace golive::checks {

/// auth.token — the API key exchanges for a server token: the run's one POST /token
/// (`Authorization: Basic <key as issued>`, `basiq-version: 3.0`, form body
/// `scope=SERVER_ACCESS`, shared with every other check through the run's token cache) answers
/// 200 with an access_token, `token_type: Bearer` and `expires_in: 3600`. Each documented failure
/// is explained: 400 (a header or the version missing, or the key encoded twice), 403 (a disabled
/// account, or "Invalid request": too many token requests from this IP), 404 (a bad or deleted
/// key, or a sandbox key against the live application), 429. Options: none.
class AuthToken final : public Check {
 public:
  static CheckInfo describe();
  explicit AuthToken(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
