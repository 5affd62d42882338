#pragma once
/// What the client.* checks share: each grades one aspect of a client-audit recording
/// (`check --audit FILE`, written by `bluum-golive audit`) with golive::audit's grader.
#include <string>
#include <vector>

#include "engine/check.hpp"

namespace golive::checks::client {

/// Skip when no recording was given; otherwise the grade of `id` (inconclusive when the file
/// cannot be read).
CheckResult run_grade(const std::string& id, const CheckContext& ctx);

/// A CheckInfo with what every client.* check shares: static, blocking, every environment,
/// doc checks/client/NAME.md.
CheckInfo client_info(const std::string& name, std::string title, std::vector<std::string> items,
                      std::string what, std::string why, std::string fix);

}  // namespace golive::checks::client
