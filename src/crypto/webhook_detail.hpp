#pragma once
/// Internal helpers shared by the webhook scheme implementations. Not part of the public API.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/webhook.hpp"

namespace golive::webhook::detail {

/// A failed VerifyResult with `code` and `reason`.
VerifyResult fail(std::string code, std::string reason);

/// A successful VerifyResult (code "ok") with `reason`.
VerifyResult pass(std::string reason);

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// `text` split at every `sep`; empty pieces are kept.
std::vector<std::string_view> split(std::string_view text, char sep);

/// Untrusted input made safe to quote in a reason: non-printable bytes become '?', and text
/// beyond 40 characters is cut with "...". The result is wrapped in single quotes.
std::string quote(std::string_view untrusted);

/// Parses Unix seconds: 1 to 19 ASCII digits only (no sign, no spaces). Nullopt otherwise.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

/// Parses the timestamp `text` found in `where` (a header name, for the reason) and applies
/// the window. Returns a failure (timestamp_invalid/too_old/too_new), or nullopt when the
/// timestamp is acceptable.
std::optional<VerifyResult> check_timestamp(std::string_view where, std::string_view text,
                                            std::int64_t now, int tolerance_s, ToleranceMode mode);

/// Compares `expected` (raw HMAC bytes) in constant time with every candidate, each decoded
/// per `encoding`. Reasons name the candidates as `what` (e.g. "v1 signature") in the header
/// `where`. Result codes: ok, signature_missing (no candidates), signature_malformed (none
/// decodes to 32 bytes), signature_mismatch.
VerifyResult match_signatures(const std::string& expected,
                              const std::vector<std::string_view>& candidates,
                              DigestEncoding encoding, std::string_view what,
                              std::string_view where);

/// A `k=v,k=v` header value such as `t=1614265330,v1=ab12,v0=cd34`.
struct KeyValueList {
  std::optional<std::string_view> t;   ///< the first `t` value
  std::vector<std::string_view> v1;    ///< every `v1` value, in order
  std::vector<std::string_view> keys;  ///< every key seen, in order
};

/// Splits `value` at commas into trimmed `key=value` items; items without '=' are ignored.
KeyValueList parse_key_values(std::string_view value);

/// Standard base64 with the padding made optional (appended when missing).
std::optional<std::string> decode_base64_lenient(std::string_view text);

/// The built-in schemes. make_custom throws std::invalid_argument on a bad configuration.
std::unique_ptr<Scheme> make_standard();
std::unique_ptr<Scheme> make_stripe();
std::unique_ptr<Scheme> make_blockchain0x();
std::unique_ptr<Scheme> make_custom(const CustomSchemeConfig& config);

}  // namespace golive::webhook::detail
