#include "checks/client/refresh-rate.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientRefreshRate::describe() {
  CheckInfo i = client::client_info(
      "refresh-rate", "The client refreshes connections ad hoc, never in a loop",
      {"daily.ad-hoc-refresh"},
      "For a provider with refresh requests (pack `jobs.refresh`, Basiq: POST "
      "/users/{id}/connections/{id}/refresh), the audit counts the client's successful "
      "refreshes per target (a connection, or all of a user's) and flags a target refreshed "
      "more than 3 times in one run as a refresh loop.",
      "Each refresh starts a job at the bank; a refresh loop is billed, slows the user's "
      "data and can lock the connection, while smart cache already keeps data fresh.",
      "Refresh a connection only ad hoc (the user asks, or smart cache is off); read the "
      "job a refresh answers instead of refreshing again.");
  i.requires_pack = {"jobs"};
  return i;
}

ClientRefreshRate::ClientRefreshRate(CheckOptions&) {}

CheckResult ClientRefreshRate::run(CheckContext& ctx) {
  return client::run_grade("client.refresh-rate", ctx);
}

}  // namespace golive::checks
