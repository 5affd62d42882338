#pragma once
#include "engine/check.hpp"

namespace golive::checks {

/// base-url.sanity — the base URL is https, on a known host of the profile's environment kind
/// (a legacy alias warns; the other kind's host fails), carries the provider's path prefix
/// (/v1), and has no userinfo, query or fragment. Options: none.
class BaseUrlSanity final : public Check {
 public:
  static CheckInfo describe();
  explicit BaseUrlSanity(CheckOptions& options);
  CheckResult run(CheckContext& ctx) override;
};

}  // namespace golive::checks
