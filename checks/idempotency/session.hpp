#pragma once
/// What the sandbox-write checks (idempotency.*, lifecycle.rehearsal) share for talking to the
/// provider: deterministic Idempotency-Keys (SPEC §5), authenticated JSON requests, every
/// exchange recorded as evidence, and the `check --plan` listing of those requests.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "engine/check.hpp"

namespace golive::checks::rehearsal {

using nlohmann::json;

/// Reads the `rehearsal_id` option: empty (the default: keys derive from the run id) or 1–64
/// characters of [A-Za-z0-9._-]. With an id, every key is stable across runs, so re-running a
/// rehearsal that was killed mid-run replays its writes instead of creating them again.
std::string read_rehearsal_id(CheckOptions& options);

/// Reads a money option: a positive decimal string with at most 2 places, at most 1000.00.
/// Returns cents; records an option error (and returns 100) when invalid.
long long read_amount(CheckOptions& options, const std::string& key, const std::string& fallback);

/// 150 → "1.50".
std::string format_cents(long long cents);

/// The Idempotency-Key of one write: "golive-<scope>-<check>-<step>", where scope is the
/// rehearsal id when set, else the run id.
std::string idempotency_key(const std::string& scope, const std::string& check,
                            const std::string& step);

/// The key as `check --plan` shows it: the run id is not known yet, so "<run-id>" stands in.
std::string planned_key(const std::string& rehearsal_id, const std::string& check,
                        const std::string& step);

/// One request for `check --plan`: "{base}" + path while the base URL is unknown (empty or
/// "embedded"), else the redacted absolute URL. GET is read-only, anything else sandbox-write.
PlannedRequest planned(const Target& target, const std::string& method, const std::string& path,
                       std::string note);

/// One answered (or failed) request with its body parsed.
struct Reply {
  net::Exchange exchange;
  json body;  ///< the parsed body; null when there is none or it is not JSON
  /// Why a non-empty body could not be read (not JSON, or cut at the client's size cap);
  /// "" when it was read or there was none. Such a body proves nothing (SPEC §3).
  std::string body_problem;

  /// The HTTP status; 0 after a transport error.
  int status() const;
  bool ok() const { return status() >= 200 && status() < 300; }
  /// A string field of the body ("" when absent or not a string).
  std::string field(const char* name) const;
  std::string code;  ///< the provider's error code (read with the pack), "" when none
  std::string rid;   ///< the response's request id (header or body, per the pack), "" when none

  /// The provider's error code, "" when none.
  const std::string& error_code() const { return code; }
  /// The request id of the final response, "" when none.
  const std::string& request_id() const { return rid; }
  /// True when a body came back that could not be read (`body_problem` says why).
  bool unreadable() const { return !body_problem.empty(); }
};

/// Parses the body of `x` into a Reply, reading code and request id the way `pack` says.
Reply to_reply(const ProviderPack& pack, net::Exchange x);

/// "201 dep_x (pending)", "409 BLUM-409-002 (idempotency conflict …)", or the transport error.
std::string describe(const ProviderPack& pack, const Reply& reply);

/// "dep_a", "dep_a and dep_b", "dep_a, dep_b and dep_c".
std::string join_ids(const std::vector<std::string>& ids);

/// One check's rehearsal against ctx.target: builds and sends requests, keeps their evidence.
/// Not thread-safe; concurrent sends go through request() + to_reply() and are recorded after.
class Session {
 public:
  /// `rehearsal_id` empty: keys derive from ctx.run_id.
  Session(CheckContext& ctx, std::string check_id, const std::string& rehearsal_id);

  /// An inconclusive result (nothing sent) when a credential is unresolved, else nullopt.
  std::optional<CheckResult> missing_credentials();
  /// idempotency_key(scope, check, step).
  std::string key(const std::string& step) const;
  const std::string& scope() const { return scope_; }
  bool stable_keys() const { return stable_; }
  const std::string& check_id() const { return check_id_; }
  CheckContext& ctx() { return ctx_; }
  const ProviderPack& pack() const { return ctx_.provider; }
  /// to_reply() with this session's pack.
  Reply reply(net::Exchange x) const { return to_reply(ctx_.provider, std::move(x)); }
  /// describe() with this session's pack.
  std::string describe(const Reply& r) const { return rehearsal::describe(ctx_.provider, r); }

  /// `method` base URL + `path`, JSON `body` unless null, `Idempotency-Key: key` unless empty,
  /// the vendor's headers and authentication (engine/provider_api); timeouts bounded by the
  /// profile's http.timeout_s and the check's time left.
  net::Request request(const std::string& method, const std::string& path, const json& body,
                       const std::string& key) const;
  /// Sends through ctx.http (retried with the same key, throttled).
  Reply send(const net::Request& request);
  Reply get(const std::string& path) { return send(request("GET", path, json(), "")); }
  Reply post(const std::string& path, const json& body, const std::string& key) {
    return send(request("POST", path, body, key));
  }

  /// Appends evidence for every attempt of `reply` (method, redacted URL, status, X-Request-Id,
  /// latency); the last attempt carries `expected` and `observed` (default: describe(reply)).
  void record(const Reply& reply, const std::string& label, const std::string& expected,
              const std::string& observed = "");
  /// A result carrying the evidence recorded so far.
  CheckResult result(Status status, std::string summary, std::string fix = "") const;
  /// The result for a step that did not answer as `expected` (evidence included): network
  /// trouble, 429 and 5xx are inconclusive; a 2xx whose body could not be read is inconclusive
  /// (unreadable()); 401/403 and other answers fail with a fix.
  CheckResult unexpected(const Reply& reply, const std::string& label, const std::string& expected);
  /// An inconclusive result for a step whose answer could not be read: `problem` defaults to
  /// reply.body_problem (api::unreadable_body, evidence included).
  CheckResult unreadable(const Reply& reply, const std::string& label, const std::string& expected,
                         const std::string& problem = "");

 private:
  CheckContext& ctx_;
  std::string check_id_;
  std::string scope_;
  bool stable_ = false;
  std::vector<Evidence> evidence_;
};

}  // namespace golive::checks::rehearsal
