#pragma once
/// Secrets (SPEC §10): a value that cannot be printed by accident, and the process-wide
/// redactor every output path runs its text through.
#include <fmt/format.h>

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace golive {

/// A secret value plus where it came from. Constructing one registers the value with
/// Redactor::global(), so any later output that contains it is masked even if code forgets.
/// Formatting (fmt, ostream) prints "***"; only code that must send the value calls reveal().
class Secret {
 public:
  Secret() = default;
  /// `source` is a printable description such as "env BLUUM_API_KEY"; never the value.
  Secret(std::string value, std::string source);

  /// The raw value. Callers: net (Authorization), crypto (HMAC keys), credential checks.
  const std::string& reveal() const { return value_; }
  const std::string& source() const { return source_; }
  /// "sha256:" + 12 hex digits; safe to print.
  std::string fingerprint() const;
  bool empty() const { return value_.empty(); }

 private:
  std::string value_;
  std::string source_;
};

inline std::ostream& operator<<(std::ostream& os, const Secret&) {
  return os << "***";
}

/// Masks every registered secret in text. Thread-safe. Registration happens at the source where
/// a secret is loaded or derived (credential loader, Authorization header builder), never by
/// guessing from output (peers.md §4.7).
class Redactor {
 public:
  static Redactor& global();

  /// Registers a value to mask. Values shorter than 4 characters are ignored (too common to mask
  /// without corrupting ordinary text); such secrets are still never printed by Secret itself.
  void add(std::string_view value);
  /// Returns `text` with each registered value replaced by "***".
  std::string redact(std::string_view text) const;
  /// Every registered value, longest first. Only for `::add-mask::` under GitHub Actions
  /// (report/github.hpp), which must hand the runner the values it is to mask.
  std::vector<std::string> values() const;
  /// Number of registered values (tests).
  size_t size() const;
  /// Forgets every value (tests only).
  void clear_for_tests();

 private:
  mutable std::mutex mu_;
  std::vector<std::string> values_;
};

/// Shorthand for Redactor::global().redact(text).
std::string redact(std::string_view text);

/// Registers `value` with Redactor::global() in every form it can take in output: as is,
/// percent-encoded (libcurl's escaping, upper- and lower-case hex), JSON-escaped (with and
/// without `\/`), and as "Bearer <value>". Secret's constructor calls it, so every loaded or
/// generated secret is covered at the source; call it directly only for a value no Secret holds.
void register_secret(std::string_view value);

/// Registers the HTTP Basic credentials of a key pair: the token base64("user:password") and
/// "Basic <token>", each in every form register_secret() covers. Call it where a pair becomes
/// known, before anything can print it: when a profile's credentials resolve (engine/session),
/// when credentials are handed to an audited command (cli/cmd_audit), when a header is built.
void register_basic_credentials(std::string_view user, std::string_view password);

/// `text` redacted, then cut to at most `max` bytes (never inside a UTF-8 sequence) with "..."
/// appended when cut. Redaction comes first, so a secret that straddles the cut cannot leak its
/// first half; every excerpt of untrusted or secret-bearing text goes through this.
std::string redacted_excerpt(std::string_view text, size_t max);

}  // namespace golive

template <>
struct fmt::formatter<golive::Secret> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(const golive::Secret&, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format("***", ctx);
  }
};
