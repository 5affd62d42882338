#include "cli/plan.hpp"

#include <fmt/format.h>

#include "core/secret.hpp"

namespace golive::cli {

size_t print_plan(const std::vector<PlannedCheck>& plan, std::ostream& out) {
  size_t count = 0;
  std::string text;
  for (const auto& p : plan) {
    const auto& info = p.entry->info;
    auto requests = p.check->planned_requests(*p.target);
    text += fmt::format("{} [{}] → {} ({})\n", info.id, to_string(info.side_effect),
                        p.target->profile.name, p.target->profile.path);
    if (requests.empty()) text += "    (sends nothing)\n";
    for (const auto& r : requests) {
      ++count;
      text += fmt::format("    {:<6} {:<60} {:<16} {}\n", r.method, r.url, to_string(r.side_effect),
                          r.note);
    }
  }
  text += fmt::format("{} checks, {} requests planned; nothing was sent (--plan)\n", plan.size(),
                      count);
  out << redact(text);
  return count;
}

}  // namespace golive::cli
