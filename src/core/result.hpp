#pragma once
/// What a check is (CheckInfo) and what it found (CheckResult), SPEC §4.3.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive {

/// Outcome of one check. Order matters: later is worse for aggregation except skip.
enum class Status { pass, skip, warn, inconclusive, fail };

/// What a check may do to the outside world (SPEC §5).
enum class SideEffect { static_only, read_only, sandbox_write, partner_endpoint };

/// Environment kind of a profile (SPEC §4.1).
enum class EnvKind { sandbox, production };

std::string_view to_string(Status s);
std::string_view to_string(SideEffect s);
std::string_view to_string(EnvKind k);

/// One observed fact behind a verdict. Every string is already redacted by the check's author
/// through golive::redact or by construction; reporters redact again (defence in depth).
struct Evidence {
  std::string label;     ///< what was looked at, e.g. "GET /v1/assets status"
  std::string expected;  ///< e.g. "200"
  std::string observed;  ///< e.g. "401 BLUM-401-003"
  // HTTP facts when the evidence is an exchange; empty / 0 otherwise.
  std::string method;
  std::string url;         ///< redacted (no userinfo, no secret query values)
  int status = 0;          ///< HTTP status; 0 when none was received
  std::string request_id;  ///< X-Request-Id of the response
  std::optional<double> latency_ms;
};

/// The result of running one check once.
struct CheckResult {
  std::string id;
  Status status = Status::inconclusive;
  std::string summary;  ///< one line
  std::string fix;      ///< how to fix; required when status is fail or warn
  std::vector<Evidence> evidence;
  std::chrono::milliseconds duration{0};
  std::string environment;  ///< the environment name the check ran against
};

/// Static description of a check, shown by `list` and `explain`.
struct CheckInfo {
  std::string id;                            ///< "group.kebab-name"
  std::string title;                         ///< short human title
  std::vector<std::string> checklist_items;  ///< checklist item ids it proves
  SideEffect side_effect = SideEffect::static_only;
  bool blocking = true;
  std::vector<EnvKind> environments;  ///< empty means every kind
  std::string what;                   ///< what it verifies
  std::string why;                    ///< why it matters
  std::string how_to_fix;             ///< general remedy
  std::string doc;  ///< path of its doc relative to the repo, e.g. checks/api/smoke.md
  /// Empty: a generic check every provider runs. Otherwise the packs it belongs to (a vendor's
  /// own check, or the vendor's implementation of a shared id such as idempotency.replay).
  std::vector<std::string> providers = {};
  /// Pack capabilities a generic check needs (ProviderPack::has), e.g. "idempotency".
  std::vector<std::string> requires_pack = {};
  /// Ids of checks whose results this check reads (CheckContext::prerequisite), e.g. the
  /// webhook.rejects-* checks read webhook.accepts-valid. The runner starts this check only
  /// after those planned against the same target have finished and hands their results over;
  /// one that is not planned (--only, --skip, `enabled: false`, another environment) is absent.
  std::vector<std::string> prerequisites = {};

  bool applies_to(EnvKind kind) const;
};

}  // namespace golive
