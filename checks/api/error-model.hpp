#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// api.error-model — sandbox only: two read-only invalid requests answer 4xx with a parseable
/// error envelope (`{error:{type,code,message}}` or legacy `{code,message}`) whose code matches
/// the provider's format (BLUM-{status}-{seq}) and carries the HTTP status: a GET of an
/// investor that does not exist (option `path`), and a GET of /assets without credentials,
/// which must be refused with 401.
class ApiErrorModel final : public Check {
 public:
  static CheckInfo describe();
  explicit ApiErrorModel(CheckOptions& options);
  std::vector<PlannedRequest> planned_requests(const Target& target) const override;
  CheckResult run(CheckContext& ctx) override;

 private:
  std::string path_;         ///< a resource that does not exist (option `path`)
  std::string unauth_path_;  ///< requested without credentials (option `unauthenticated_path`)
};

}  // namespace golive::checks
