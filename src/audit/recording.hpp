#pragma once
/// The client-audit recording (SPEC §7): JSONL, one header line, one line per exchange the
/// proxy saw, one footer line. Every string is redacted before it is written; no header value
/// other than Idempotency-Key, X-Request-Id and Retry-After is kept, and bodies are kept only
/// as a short SHA-256 fingerprint (they carry personal data). Format: docs/audit.md.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace golive::audit {

/// First line: what ran, against what, under which fault schedule.
struct Header {
  int version = 1;
  std::string run_id;
  std::string tool_version;
  std::string started_at;  ///< ISO 8601 UTC, milliseconds; t_*_ms are relative to it
  std::string schedule;    ///< built-in name or file path
  std::uint64_t seed = 1;
  std::string upstream;  ///< "embedded" (in-process emulator) or "remote"
  std::string base_url;  ///< the upstream base URL, redacted
  std::string proxy_url;
  std::string command;     ///< argv[0] only (arguments may carry secrets)
  std::string client_log;  ///< --client-log FILE, "" when none
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
  std::string idempotency_key;       ///< the client's Idempotency-Key; "" when none
  bool key_added_by_proxy = false;   ///< key-less money movement given a fresh key upstream
  std::string body_sha256;           ///< first 16 hex digits; "" for an empty body
  std::string request_id;            ///< X-Request-Id of the response (issued or forwarded)
  std::optional<std::string> fault;  ///< injected fault ("drop", "429", ...), if any
  std::string retry_after;           ///< Retry-After value the client received, if any
  std::optional<std::int64_t> retry_after_ms;  ///< that value as a delay from t_end_ms
  bool retry_after_date = false;               ///< the HTTP-date form
  int upstream_status = 0;  ///< 0 when not forwarded or the upstream did not answer
  int client_status = 0;    ///< 0 when dropped
  bool dropped = false;     ///< forwarded, then the connection was cut without an answer
  std::string error_code;   ///< error envelope code the client received, e.g. BLUM-429-001
  std::string error;        ///< upstream transport error, redacted
};

/// Last line: how the command ended and what the upstream holds afterwards.
struct Footer {
  bool present = false;  ///< false when the recording was cut short
  bool timed_out = false;
  bool interrupted = false;  ///< SIGINT/SIGTERM stopped the run
  int exit_code = -1;        ///< the command's exit status; -1 when killed
  std::int64_t duration_ms = 0;
  std::int64_t exchanges = 0;
  std::optional<std::int64_t> deposits_created;  ///< embedded upstream only
  std::optional<std::int64_t> withdrawals_created;
};

struct Recording {
  Header header;
  std::vector<ExchangeRecord> exchanges;
  Footer footer;
};

/// The largest recording file read (an exchange line is about 500 bytes).
inline constexpr std::size_t k_max_recording_bytes = 64 * 1024 * 1024;

/// Parses a recording; throws std::runtime_error("LINE: why") on a malformed line or a missing
/// header. A missing footer is allowed (footer.present stays false). A number that does not fit
/// its field (a float where an integer belongs, out of range) reads as absent.
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
