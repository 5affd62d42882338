#pragma once
/// Webhook signature schemes: sign a delivery and verify one, for Standard Webhooks, Stripe,
/// Blockchain0x and a profile-described custom scheme (SPEC §6, peers.md §4.1–4.3).
/// Secrets come in as plain bytes; nothing here ever puts a secret or an expected signature
/// into a VerifyResult, an exception message or any other output.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace golive::webhook {

/// HTTP headers as (name, value) pairs, in order. Lookups by name are ASCII case-insensitive.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// The value of the first header called `name` (case-insensitive), or nullopt.
std::optional<std::string_view> find_header(const HeaderList& headers, std::string_view name);

/// What a delivery signs: a message id, Unix seconds, and the exact body bytes.
struct SignInput {
  std::string id;
  std::int64_t timestamp = 0;
  std::string body;
};

/// Outcome of verify(). `code` is "ok" on success, otherwise one of: id_missing,
/// secret_invalid, signature_missing, signature_malformed, signature_mismatch,
/// timestamp_missing, timestamp_invalid, timestamp_too_old, timestamp_too_new.
/// `reason` is one specific sentence for humans; it never contains the secret or the
/// expected signature.
struct VerifyResult {
  bool ok = false;
  std::string code;
  std::string reason;
};

/// How the timestamp window is enforced: reject both stale and future timestamps
/// (Standard Webhooks, Blockchain0x) or only stale ones (Stripe).
enum class ToleranceMode { two_sided, past_only };

/// Pass as `tolerance_s` to verify() to skip the timestamp window (the signature, which covers
/// the timestamp, is still checked). Any negative tolerance has the same effect.
inline constexpr int kIgnoreTolerance = -1;

/// One signature scheme. Instances are immutable and safe to share between threads.
class Scheme {
 public:
  virtual ~Scheme() = default;

  /// The scheme's profile name, e.g. "standard".
  virtual std::string name() const = 0;

  /// The headers a delivery signed with `secret` carries. Throws std::invalid_argument if the
  /// secret is unusable for this scheme (the message never contains the secret).
  virtual HeaderList sign(std::string_view secret, const SignInput& input) const = 0;

  /// Checks `headers` and the exact `body` against `secret` at Unix time `now`, with a window
  /// of `tolerance_s` seconds applied per tolerance_mode() (negative: no window check).
  /// A timestamp exactly `tolerance_s` away is accepted.
  virtual VerifyResult verify(std::string_view secret, const HeaderList& headers,
                              std::string_view body, std::int64_t now, int tolerance_s) const = 0;

  /// Whether future timestamps are rejected as well as stale ones.
  virtual ToleranceMode tolerance_mode() const = 0;

  /// Every header name sign() emits, so a caller can strip them to build an unsigned delivery.
  virtual std::vector<std::string> header_names() const = 0;
};

/// How a custom scheme turns the profile's secret string into HMAC key bytes.
enum class KeyEncoding {
  raw,     ///< the secret's bytes as they are
  base64,  ///< strip `key_prefix` if present, then standard base64-decode (padding optional)
};

/// How a custom scheme encodes the HMAC-SHA256 digest in the signature header.
enum class DigestEncoding { hex, base64 };

/// A profile-described HMAC-SHA256 scheme (SPEC §6 `custom`).
struct CustomSchemeConfig {
  std::string signature_header;  ///< required, e.g. "X-Signature"
  std::string timestamp_header;  ///< empty: no timestamp header and no window check
  std::string id_header;         ///< empty: no id header
  /// The signed string. Placeholders {id}, {timestamp}, {body} are replaced once, left to
  /// right; {body} is required, {id}/{timestamp} need their header. Other text is literal.
  std::string signed_template = "{timestamp}.{body}";
  std::string signature_prefix;  ///< e.g. "v1=", "sha256=" or ""; stripped before decoding
  KeyEncoding key_encoding = KeyEncoding::raw;
  std::string key_prefix;  ///< e.g. "whsec_"; only used with KeyEncoding::base64
  DigestEncoding digest = DigestEncoding::hex;
  ToleranceMode tolerance = ToleranceMode::two_sided;
};

/// The scheme names make_scheme() accepts, sorted: blockchain0x, custom, standard, stripe.
const std::vector<std::string>& scheme_names();

/// Builds the scheme called `name`. "custom" needs `custom` (copied); other schemes ignore it.
/// Throws std::invalid_argument for an unknown name (the message lists the valid ones), for
/// "custom" without a configuration, or for an invalid custom configuration.
std::unique_ptr<Scheme> make_scheme(const std::string& name,
                                    const CustomSchemeConfig* custom = nullptr);

/// Installs the filter that untrusted text passes through before a verification reason quotes
/// (and cuts) it. core's Redactor installs its redaction when it is first used, so a secret in a
/// delivery header that straddles the cut cannot leak its first half (SPEC §10). Thread-safe;
/// nullptr removes the filter.
void set_reason_filter(std::string (*filter)(std::string_view));

}  // namespace golive::webhook
