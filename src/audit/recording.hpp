#pragma once
/// The client-audit recording (SPEC §7): JSONL, one header line, one line per exchange the
/// proxy saw, one footer line. Every string is redacted before it is written; no header value
/// other than the idempotency key, the request id, Retry-After and the headers the provider
/// pack requires is kept, credentials only as SHA-256 fingerprints (never a value, never a
/// token), and bodies only as a short SHA-256 fingerprint (they carry personal data).
/// Format: docs/audit.md.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace golive::audit {

/// The recording format this version writes and reads.
inline constexpr int k_recording_version = 2;

/// A credential the client is expected to authenticate with: its fingerprint and where the
/// audit took it from (the profile's source, or the command's environment).
struct ExpectedCredential {
  std::string fingerprint;  ///< "sha256:" + 12 hex digits
  std::string source;       ///< where the profile read it, e.g. "env BLUUM_API_KEY"
};

/// A published request rate limit: `limit` requests per `per_s` seconds.
struct RecordedRateLimit {
  int limit = 0;
  int per_s = 1;
};

/// First line: what ran, against what, under which fault schedule, and the provider facts the
/// grades need (so `check --audit FILE` grades without the pack).
struct Header {
  int version = k_recording_version;
  std::string run_id;
  std::string tool_version;
  std::string started_at;  ///< ISO 8601 UTC, milliseconds; t_*_ms are relative to it
  std::string schedule;    ///< built-in name or file path
  std::uint64_t seed = 1;
  std::string upstream;  ///< "embedded" (in-process emulator) or "remote"
  std::string base_url;  ///< the upstream base URL, redacted
  std::string proxy_url;
  std::string command;                   ///< argv[0] only (arguments may carry secrets)
  std::string client_log;                ///< --client-log FILE, "" when none
  std::string provider;                  ///< the pack's name
  std::string profile;                   ///< the audited profile's name
  std::string mode;                      ///< sandbox | production: the profile's kind
  std::vector<std::string> money_kinds;  ///< the pack's money kinds, e.g. deposit, withdrawal
  std::string idempotency_header;        ///< e.g. Idempotency-Key; "" when the API has none
  std::string request_id_header;         ///< e.g. X-Request-Id; "" when ids are in bodies only
  std::optional<RecordedRateLimit> rate_limit;  ///< the pack's published limit for `mode`
  /// Credential name → what the client should authenticate with (auth credentials only).
  std::map<std::string, ExpectedCredential> credentials;
  /// The headers the pack requires on every request: name → mode ("" = any mode, else
  /// sandbox | production) → value.
  std::map<std::string, std::map<std::string, std::string>> required_headers;
  std::string token_path;  ///< the token request's path (token-exchange packs); "" otherwise
  std::string jobs_path;   ///< the pack's GET of one job (pack `jobs`); "" when it has none
  std::string job_id_name = "jobId";  ///< what the partner's logs call a job id
};

/// How one request authenticated, as far as the proxy could tell (fingerprints only).
struct RecordedAuth {
  std::string scheme = "none";  ///< basic | bearer | none | other
  /// Credential name → fingerprint of the value the request carried; for a Bearer token the
  /// proxy relayed in a token answer, the credential the token was issued for.
  std::map<std::string, std::string> credentials;
  std::string token;  ///< "" | relayed (a token this proxy relayed) | unknown (any other token)
};

/// One request the client sent to the proxy and what it got back.
struct ExchangeRecord {
  std::int64_t seq = 0;   ///< 1-based, in arrival order
  std::int64_t conn = 0;  ///< client connection number (1-based)
  double t_start_ms = 0;  ///< request fully received, ms since Header::started_at
  double t_end_ms = 0;    ///< response handed to the socket (or connection dropped)
  std::string method;
  std::string path;
  std::string query;                 ///< raw query string without '?'
  std::string idempotency_key;       ///< the client's idempotency key; "" when none
  bool key_added_by_proxy = false;   ///< key-less money movement given a fresh key upstream
  std::string money_kind;            ///< the pack's kind of a money endpoint; "" otherwise
  std::string body_sha256;           ///< first 16 hex digits; "" for an empty body
  std::string request_id;            ///< the response's request id (issued or forwarded)
  std::string trace_id;              ///< the id an error body carried (pack pointers); ""
  std::optional<std::string> fault;  ///< injected fault ("drop", "429", ...), if any
  std::string retry_after;           ///< Retry-After value the client received, if any
  std::optional<std::int64_t> retry_after_ms;  ///< that value as a delay from t_end_ms
  bool retry_after_date = false;               ///< the HTTP-date form
  int upstream_status = 0;  ///< 0 when not forwarded or the upstream did not answer
  int client_status = 0;    ///< 0 when dropped
  bool dropped = false;     ///< forwarded, then the connection was cut without an answer
  std::string error_code;   ///< error envelope code the client received, e.g. BLUM-429-001
  std::string error;        ///< upstream transport error, redacted
  RecordedAuth auth;
  /// The pack's required headers (and a token request's) as the client sent them; "" when
  /// absent.
  std::map<std::string, std::string> headers;
  bool token_request = false;  ///< the pack's token request (POST token path)
  std::string token_scope;     ///< a token request's scope (form field `scope`); "" otherwise
  /// The mode the request's key shows by its prefix (key-prefix packs): sandbox | production;
  /// "" when unknown.
  std::string key_mode;
  bool token_issued = false;                    ///< the answer carried a token (relayed)
  std::optional<std::int64_t> token_expires_s;  ///< its lifetime, when the answer said
  /// A read of one job (pack `jobs`): its id ("" when the request was no job read); from a 2xx
  /// answer the client received, its state (running | failed | done; "" when not read) and a
  /// failed step's code.
  std::string job_id;
  std::string job_state;
  std::string job_code;
  /// The ids of the resource the job works on, by the names the partner logs (userId → …).
  std::map<std::string, std::string> job_ids;
  bool refresh = false;  ///< a POST that starts a refresh (pack `jobs.refresh`)
};

/// Last line: how the command ended and what the upstream holds afterwards.
struct Footer {
  bool present = false;  ///< false when the recording was cut short
  bool timed_out = false;
  bool interrupted = false;  ///< SIGINT/SIGTERM stopped the run
  int exit_code = -1;        ///< the command's exit status; -1 when killed
  std::int64_t duration_ms = 0;
  std::int64_t exchanges = 0;
  /// Money kind → resources the upstream created for the keys the client used (embedded
  /// upstream only; nullopt otherwise).
  std::optional<std::map<std::string, std::int64_t>> created;
  /// The count for `kind`, or nullopt when not recorded.
  std::optional<std::int64_t> created_of(const std::string& kind) const;
};

struct Recording {
  Header header;
  std::vector<ExchangeRecord> exchanges;
  Footer footer;
};

/// The largest recording file read (an exchange line is about 500 bytes).
inline constexpr std::size_t k_max_recording_bytes = 64 * 1024 * 1024;

/// Parses a recording; throws std::runtime_error("LINE: why") on a malformed line, a missing
/// header or another format version. A missing footer is allowed (footer.present stays false).
/// A number that does not fit its field (a float where an integer belongs, out of range) reads
/// as absent.
Recording parse_recording(std::istream& in);
/// Reads and parses `path`, a regular file of at most k_max_recording_bytes (core/file.hpp);
/// throws std::runtime_error naming the file.
Recording load_recording(const std::string& path);

/// One JSONL line (no newline) for each record kind, every string redacted.
std::string header_line(const Header& h);
std::string exchange_line(const ExchangeRecord& e);
std::string footer_line(const Footer& f);

/// Appends lines to a recording file; thread-safe; flushes every line so a killed run still
/// leaves what it saw.
class Recorder {
 public:
  /// Truncates `path`; throws std::runtime_error if it cannot be opened.
  explicit Recorder(const std::string& path);
  void header(const Header& h) { write(header_line(h)); }
  void exchange(const ExchangeRecord& e) { write(exchange_line(e)); }
  void footer(const Footer& f) { write(footer_line(f)); }
  const std::string& path() const { return path_; }

 private:
  void write(const std::string& line);
  std::mutex mu_;
  std::string path_;
  std::ofstream out_;
};

}  // namespace golive::audit
