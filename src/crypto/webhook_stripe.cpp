/// Stripe (peers.md §4.2) and Blockchain0x (seed-apis.md §2.6) signatures: hex HMAC-SHA256
/// over "t.body" with the secret's bytes as the key, carried as `t=<ts>,v1=<hex>`.
#include <stdexcept>

#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"
#include "crypto/webhook_detail.hpp"

namespace golive::webhook::detail {
namespace {

constexpr std::string_view kStripeSignature = "Stripe-Signature";
constexpr std::string_view kB0xSignature = "X-Blockchain0x-Signature";
constexpr std::string_view kB0xTimestamp = "X-Blockchain0x-Timestamp";
constexpr std::string_view kB0xEventId = "X-Blockchain0x-Event-Id";
const char* const kEmptySecret = "the webhook secret is empty";

std::string t_body_mac(std::string_view secret, std::string_view ts, std::string_view body) {
  std::string content;
  content.reserve(ts.size() + body.size() + 1);
  content.append(ts).append(".").append(body);
  return crypto::hmac_sha256(secret, content);
}

/// "t=<ts>,v1=<hex>" signed with `secret`.
std::string t_v1_header(std::string_view secret, std::int64_t timestamp, std::string_view body) {
  const auto ts = std::to_string(timestamp);
  return "t=" + ts + ",v1=" + crypto::hex_encode(t_body_mac(secret, ts, body));
}

class StripeScheme final : public Scheme {
 public:
  std::string name() const override { return "stripe"; }

  HeaderList sign(std::string_view secret, const SignInput& input) const override {
    if (secret.empty()) throw std::invalid_argument(kEmptySecret);
    return {{std::string(kStripeSignature), t_v1_header(secret, input.timestamp, input.body)}};
  }

  VerifyResult verify(std::string_view secret, const HeaderList& headers, std::string_view body,
                      std::int64_t now, int tolerance_s) const override {
    if (secret.empty()) return fail("secret_invalid", kEmptySecret);
    const auto header = find_header(headers, kStripeSignature);
    if (!header) return fail("signature_missing", "the Stripe-Signature header is missing");
    const auto kv = parse_key_values(*header);
    if (kv.keys.empty()) {
      return fail("signature_malformed", "the Stripe-Signature header " + quote(*header) +
                                             " is not a 't=<ts>,v1=<hex>' list");
    }
    if (!kv.t) return fail("timestamp_missing", "the Stripe-Signature header has no t= element");
    // Only v1 counts: accepting v0 or other schemes would allow a downgrade.
    if (kv.v1.empty()) {
      return fail("signature_missing", "the Stripe-Signature header " + quote(*header) +
                                           " has no v1= signature (other schemes are ignored)");
    }
    if (auto bad = check_timestamp("Stripe-Signature t=", *kv.t, now, tolerance_s,
                                   ToleranceMode::past_only)) {
      return *bad;
    }
    return match_signatures(t_body_mac(secret, *kv.t, body), kv.v1, DigestEncoding::hex,
                            "v1 signature", kStripeSignature);
  }

  ToleranceMode tolerance_mode() const override { return ToleranceMode::past_only; }

  std::vector<std::string> header_names() const override { return {std::string(kStripeSignature)}; }
};

class Blockchain0xScheme final : public Scheme {
 public:
  std::string name() const override { return "blockchain0x"; }

  HeaderList sign(std::string_view secret, const SignInput& input) const override {
    if (secret.empty()) throw std::invalid_argument(kEmptySecret);
    return {{std::string(kB0xEventId), input.id},
            {std::string(kB0xTimestamp), std::to_string(input.timestamp)},
            {std::string(kB0xSignature), t_v1_header(secret, input.timestamp, input.body)}};
  }

  /// Accepts `t=<ts>,v1=<hex>` or bare hex; without a t= element the timestamp comes from
  /// X-Blockchain0x-Timestamp.
  VerifyResult verify(std::string_view secret, const HeaderList& headers, std::string_view body,
                      std::int64_t now, int tolerance_s) const override {
    if (secret.empty()) return fail("secret_invalid", kEmptySecret);
    const auto header = find_header(headers, kB0xSignature);
    if (!header || trim(*header).empty()) {
      return fail("signature_missing", "the X-Blockchain0x-Signature header is missing or empty");
    }
    std::vector<std::string_view> candidates;
    std::optional<std::string_view> ts_text;
    std::string where;
    if (header->find('=') == std::string_view::npos) {
      candidates.push_back(trim(*header));
    } else {
      const auto kv = parse_key_values(*header);
      if (kv.v1.empty()) {
        return fail("signature_missing", "the X-Blockchain0x-Signature header " + quote(*header) +
                                             " has no v1= signature");
      }
      candidates = kv.v1;
      ts_text = kv.t;
      where = "X-Blockchain0x-Signature t=";
    }
    if (!ts_text) {
      ts_text = find_header(headers, kB0xTimestamp);
      where = std::string(kB0xTimestamp);
    }
    if (!ts_text) {
      return fail("timestamp_missing",
                  "neither a t= element in X-Blockchain0x-Signature nor an "
                  "X-Blockchain0x-Timestamp header is present");
    }
    if (auto bad = check_timestamp(where, *ts_text, now, tolerance_s, ToleranceMode::two_sided)) {
      return *bad;
    }
    return match_signatures(t_body_mac(secret, *ts_text, body), candidates, DigestEncoding::hex,
                            "v1 signature", kB0xSignature);
  }

  ToleranceMode tolerance_mode() const override { return ToleranceMode::two_sided; }

  std::vector<std::string> header_names() const override {
    return {std::string(kB0xEventId), std::string(kB0xTimestamp), std::string(kB0xSignature)};
  }
};

}  // namespace

std::unique_ptr<Scheme> make_stripe() {
  return std::make_unique<StripeScheme>();
}
std::unique_ptr<Scheme> make_blockchain0x() {
  return std::make_unique<Blockchain0xScheme>();
}

}  // namespace golive::webhook::detail
