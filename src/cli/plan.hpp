#pragma once
/// `check --plan`: every request the run would send, with its side-effect class; sends nothing.
#include <ostream>
#include <vector>

#include "engine/runner.hpp"

namespace golive::cli {

/// Prints the plan table and returns the number of requests listed.
size_t print_plan(const std::vector<PlannedCheck>& plan, std::ostream& out);

}  // namespace golive::cli
