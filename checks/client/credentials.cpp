#include "checks/client/credentials.hpp"

#include "checks/client/common.hpp"

namespace golive::checks {

CheckInfo ClientCredentials::describe() {
  CheckInfo i = client::client_info(
      "credentials", "The client authenticates with the profile's credentials",
      {"cutover.redeploy"},
      "Every request whose credentials the audit proxy could read (the pack's auth strategy: "
      "Basic key pair, Bearer key, or the key a relayed token was issued for) carried the "
      "credentials of the audited profile, compared by SHA-256 fingerprint, never by value.",
      "After switching credentials the client must be redeployed with them: a "
      "client still running with an old or another environment's key fails at cut-over with "
      "401s, or worse, acts in the wrong environment.",
      "Deploy the client with the credentials of this environment (the same source the profile "
      "reads), restart it, and audit it again.");
  return i;
}

ClientCredentials::ClientCredentials(CheckOptions&) {}

CheckResult ClientCredentials::run(CheckContext& ctx) {
  return client::run_grade("client.credentials", ctx);
}

}  // namespace golive::checks
