#pragma once
/// The fault schedule of a client audit (SPEC §7): which operations get which fault. Built-in
/// schedules have names; a small YAML file can replace them (docs/audit.md). Applying a
/// schedule is deterministic for a seed and a given order of client operations.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "audit/operation.hpp"
#include "core/diagnostic.hpp"
#include "engine/provider.hpp"

namespace golive::audit {

/// Which requests a rule counts. `money` is a request to one of the provider pack's money
/// endpoints; `kind` one of a given money kind (deposit, withdrawal, payment, ...); `write` any
/// other method than GET/HEAD/OPTIONS that is not a money movement.
enum class Selector { any, get, post, put, patch, del, write, money, kind };

/// One injected answer. `status` 0 means "drop": forward upstream, then cut the connection
/// without answering (the client sees a reset after the money moved).
struct FaultStep {
  int status = 0;
  /// `5xx` in a schedule: a server error the pack documents, chosen by bind_schedule().
  bool server_error = false;
  /// Retry-After to send: delay-seconds, or with `http_date` an HTTP-date this many seconds
  /// ahead (rounded up to the next whole second). Range [min, max] picked with the seed.
  std::optional<std::pair<int, int>> retry_after_s;
  bool http_date = false;
  std::string name() const {
    return server_error ? "5xx" : status == 0 ? "drop" : std::to_string(status);
  }
};

/// Fault `steps` for the `nth` new operation matching `on` (and `kind`, `path_contains`):
/// attempt k of that operation gets steps[k-1]; later attempts pass through. With `per_kind`
/// (only with `on: money`) the rule counts each money kind apart: the nth deposit and the nth
/// withdrawal. With `shuffle`, the order of the steps is permuted by the seed.
struct Rule {
  Selector on = Selector::any;
  std::string kind;  ///< the money kind, for Selector::kind
  bool per_kind = false;
  std::string path_contains;
  int nth = 1;
  std::vector<FaultStep> steps;
  bool shuffle = false;
  SourceLoc loc;
};

struct Schedule {
  std::string name;
  std::string description;
  std::vector<Rule> rules;
  /// A request repeating a failed operation within this window is a retry, not a new operation.
  std::chrono::milliseconds retry_window{30000};
};

/// Built-in schedules as (name, one-line description), "default" first.
const std::vector<std::pair<std::string, std::string>>& builtin_schedules();
/// A built-in schedule; throws ConfigError naming the known ones.
Schedule builtin_schedule(const std::string& name);
/// Parses a schedule file (a regular file of at most k_max_config_bytes, core/yaml_load.hpp);
/// throws ConfigError with FILE:LINE:COL diagnostics.
Schedule load_schedule_file(const std::string& path);
/// `value` names an existing file (or contains '/' or ends in .yaml/.yml) → the file, else a
/// built-in name.
Schedule resolve_schedule(const std::string& value);

/// The schedule made concrete for `pack`: every money kind a rule names is one of the pack's,
/// every status has a documented code in `errors.injected` (`5xx` becomes the pack's server
/// errors in turn), and with `retry_after: seconds` an HTTP-date Retry-After becomes the same
/// delay in seconds. Throws ConfigError at the rules that do not fit, all at once.
Schedule bind_schedule(Schedule schedule, const ProviderPack& pack);

/// Whether `r` matches the selector of `rule` (its path filter aside).
bool matches(const Rule& rule, const RequestInfo& r);

/// The fault (if any) for one request.
struct Decision {
  std::optional<FaultStep> step;
  std::string retry_after;  ///< header value to send, "" when none
  std::optional<std::int64_t> retry_after_ms;
};

/// Applies a schedule to a stream of requests. Thread-safe. A request is a retry (it gets the
/// next fault of its operation and is not counted by the rules) when it is another attempt of
/// an operation whose last attempt failed within the retry window (same_operation()).
class FaultPlanner {
 public:
  /// `schedule` must be bound (bind_schedule); throws std::invalid_argument for a `5xx` step.
  FaultPlanner(Schedule schedule, std::uint64_t seed);
  /// Decides the fault for `r`, the `seq`-th request to arrive (1-based, every request the
  /// proxy received counts, as in the recording), at `wall_now` (HTTP-date Retry-After is
  /// computed from it).
  Decision decide(const RequestInfo& r, std::int64_t seq, std::chrono::steady_clock::time_point now,
                  std::chrono::system_clock::time_point wall_now);
  /// Records how the attempt ended, so another attempt within the window counts as a retry.
  /// Call it before the client can see the outcome (before a connection is dropped).
  /// `seq` is the number decide() was given; an attempt superseded by a later one is ignored.
  void settle(const RequestInfo& r, std::int64_t seq, bool failed,
              std::chrono::steady_clock::time_point now);
  const Schedule& schedule() const { return schedule_; }

 private:
  struct Op {
    RequestInfo last_request;  ///< the latest attempt
    std::int64_t last_seq = 0;
    std::chrono::steady_clock::time_point last;
    bool failed = false;
    std::vector<FaultStep> steps;  ///< remaining faults for this operation
  };
  Schedule schedule_;
  std::mutex mu_;
  std::mt19937_64 rng_;
  std::vector<std::map<std::string, int>> counts_;  ///< new operations matched, per rule (and kind)
  std::map<std::string, Op> ops_;                   ///< by operation_id()
};

/// RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::chrono::system_clock::time_point t);

}  // namespace golive::audit
