// The one sorted list of generic checks (every provider runs them). A vendor's own checks are
// listed by its module (providers/NAME/module.cpp). Adding a check: see checks/README.md.
#include "checks/api/clock-skew.hpp"
#include "checks/api/error-model.hpp"
#include "checks/api/smoke.hpp"
#include "checks/api/tls.hpp"
#include "checks/base-url/sanity.hpp"
#include "checks/client/backoff-growth.hpp"
#include "checks/client/backoff-jitter.hpp"
#include "checks/client/bounded-attempts.hpp"
#include "checks/client/credentials.hpp"
#include "checks/client/honours-retry-after.hpp"
#include "checks/client/idempotency-keys.hpp"
#include "checks/client/job-ids.hpp"
#include "checks/client/job-polling.hpp"
#include "checks/client/network-header.hpp"
#include "checks/client/no-retry-client-errors.hpp"
#include "checks/client/refresh-rate.hpp"
#include "checks/client/request-ids.hpp"
#include "checks/client/retry-same-key.hpp"
#include "checks/client/throttling.hpp"
#include "checks/client/token-caching.hpp"
#include "checks/client/trace-ids.hpp"
#include "checks/credentials/distinct-environments.hpp"
#include "checks/credentials/key-mode.hpp"
#include "checks/credentials/not-in-files.hpp"
#include "checks/credentials/present.hpp"
#include "checks/webhook/accepts-valid.hpp"
#include "checks/webhook/duplicate.hpp"
#include "checks/webhook/events.hpp"
#include "checks/webhook/https.hpp"
#include "checks/webhook/registration.hpp"
#include "checks/webhook/rejects-future.hpp"
#include "checks/webhook/rejects-stale.hpp"
#include "checks/webhook/rejects-tampered.hpp"
#include "checks/webhook/rejects-unsigned.hpp"
#include "checks/webhook/rejects-wrong-secret.hpp"
#include "engine/registry.hpp"

namespace golive {

void register_generic_checks(Registry& registry) {
  registry.add<checks::ApiClockSkew>();
  registry.add<checks::ApiErrorModel>();
  registry.add<checks::ApiSmoke>();
  registry.add<checks::ApiTls>();
  registry.add<checks::BaseUrlSanity>();
  registry.add<checks::ClientBackoffGrowth>();
  registry.add<checks::ClientBackoffJitter>();
  registry.add<checks::ClientBoundedAttempts>();
  registry.add<checks::ClientCredentials>();
  registry.add<checks::ClientHonoursRetryAfter>();
  registry.add<checks::ClientIdempotencyKeys>();
  registry.add<checks::ClientJobIds>();
  registry.add<checks::ClientJobPolling>();
  registry.add<checks::ClientNetworkHeader>();
  registry.add<checks::ClientNoRetryClientErrors>();
  registry.add<checks::ClientRefreshRate>();
  registry.add<checks::ClientRequestIds>();
  registry.add<checks::ClientRetrySameKey>();
  registry.add<checks::ClientThrottling>();
  registry.add<checks::ClientTokenCaching>();
  registry.add<checks::ClientTraceIds>();
  registry.add<checks::CredentialsDistinctEnvironments>();
  registry.add<checks::CredentialsKeyMode>();
  registry.add<checks::CredentialsNotInFiles>();
  registry.add<checks::CredentialsPresent>();
  registry.add<checks::WebhookAcceptsValid>();
  registry.add<checks::WebhookDuplicate>();
  registry.add<checks::WebhookEvents>();
  registry.add<checks::WebhookHttps>();
  registry.add<checks::WebhookRegistration>();
  registry.add<checks::WebhookRejectsFuture>();
  registry.add<checks::WebhookRejectsStale>();
  registry.add<checks::WebhookRejectsTampered>();
  registry.add<checks::WebhookRejectsUnsigned>();
  registry.add<checks::WebhookRejectsWrongSecret>();
}

}  // namespace golive
