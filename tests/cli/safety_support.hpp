#pragma once
// Shared by the SPEC §5 CLI tests: canary credentials, a profile writer and the no-leak check.
#include <catch2/catch.hpp>

#include <string>

#include "cli_support.hpp"

namespace golive::testing {

inline const std::string kKey = "CANARYSAFETYKEY-5a6b";
inline const std::string kSecret = "CANARYSAFETYSECRET-7c8d";
inline const Env kEnv{{"GOLIVE_SAFETY_KEY", kKey}, {"GOLIVE_SAFETY_SECRET", kSecret}};
inline const std::string kRehearsalChecks =
    "idempotency.replay,idempotency.conflict,"
    "idempotency.concurrent,idempotency.withdrawals,"
    "lifecycle.rehearsal";

/// A profile of `kind` at `base_url` whose credentials are the canaries; `extra` is appended.
inline std::string profile_text(const std::string& kind, const std::string& base_url,
                                const std::string& extra = "",
                                const std::string& provider = "bluum") {
  return "version: 1\nprovider: " + provider + "\nenvironment: " + kind +
         "\nbase_url: " + base_url +
         "\ncredentials:\n  api_key: {env: GOLIVE_SAFETY_KEY}\n"
         "  api_secret: {env: GOLIVE_SAFETY_SECRET}\n"
         "http: {timeout_s: 5, max_attempts: 4, backoff_base_ms: 100, backoff_cap_ms: 1000}\n" +
         extra;
}

/// Neither canary appears in the run's output.
inline void require_clean(const ProcessResult& r) {
  for (const auto& canary : {kKey, kSecret}) {
    REQUIRE_THAT(r.out, !Catch::Contains(canary));
    REQUIRE_THAT(r.err, !Catch::Contains(canary));
  }
}

}  // namespace golive::testing
