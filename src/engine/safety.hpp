#pragma once
/// The money-movement interlock (SPEC §5): a sandbox-write check never reaches a production
/// environment or a known production host, whatever the profile says.
#include <string>
#include <vector>

#include "engine/runner.hpp"

namespace golive {

/// One refusal: which check, against what, and why.
struct Refusal {
  std::string check_id;
  std::string profile_path;
  std::string reason;
};

/// Every planned sandbox-write check whose target is production-kind or whose base URL host is
/// a known production host of the provider. Pure: sends nothing.
std::vector<Refusal> safety_refusals(const std::vector<PlannedCheck>& plan,
                                     const ProviderPack& provider);

}  // namespace golive
