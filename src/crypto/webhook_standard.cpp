/// Standard Webhooks v1 symmetric signatures (peers.md §4.1).
#include <stdexcept>

#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"
#include "crypto/webhook_detail.hpp"

namespace golive::webhook::detail {
namespace {

constexpr std::string_view kId = "webhook-id";
constexpr std::string_view kTimestamp = "webhook-timestamp";
constexpr std::string_view kSignature = "webhook-signature";
constexpr std::string_view kPrefix = "whsec_";

/// The HMAC key: base64-decode what follows `whsec_` (the prefix is optional).
std::optional<std::string> decode_key(std::string_view secret) {
  if (secret.substr(0, kPrefix.size()) == kPrefix) secret.remove_prefix(kPrefix.size());
  auto key = decode_base64_lenient(secret);
  if (!key || key->empty()) return std::nullopt;
  return key;
}

const char* const kBadSecret =
    "the webhook secret is not 'whsec_' followed by a non-empty base64 key";

std::string content(std::string_view id, std::string_view ts, std::string_view body) {
  std::string out;
  out.reserve(id.size() + ts.size() + body.size() + 2);
  out.append(id).append(".").append(ts).append(".").append(body);
  return out;
}

class StandardScheme final : public Scheme {
 public:
  std::string name() const override { return "standard"; }

  HeaderList sign(std::string_view secret, const SignInput& input) const override {
    const auto key = decode_key(secret);
    if (!key) throw std::invalid_argument(kBadSecret);
    const auto ts = std::to_string(input.timestamp);
    const auto mac = crypto::hmac_sha256(*key, content(input.id, ts, input.body));
    return {{std::string(kId), input.id},
            {std::string(kTimestamp), ts},
            {std::string(kSignature), "v1," + crypto::base64_encode(mac)}};
  }

  VerifyResult verify(std::string_view secret, const HeaderList& headers, std::string_view body,
                      std::int64_t now, int tolerance_s) const override {
    const auto key = decode_key(secret);
    if (!key) return fail("secret_invalid", kBadSecret);
    const auto id = find_header(headers, kId);
    if (!id || id->empty()) return fail("id_missing", "the webhook-id header is missing or empty");
    const auto ts_text = find_header(headers, kTimestamp);
    if (!ts_text) return fail("timestamp_missing", "the webhook-timestamp header is missing");
    const auto sig = find_header(headers, kSignature);
    if (!sig) return fail("signature_missing", "the webhook-signature header is missing");
    if (auto bad =
            check_timestamp(kTimestamp, *ts_text, now, tolerance_s, ToleranceMode::two_sided)) {
      return *bad;
    }
    // A space-separated list of "version,signature"; only v1 entries count.
    std::vector<std::string_view> v1;
    for (const auto entry : split(*sig, ' ')) {
      const auto comma = entry.find(',');
      if (comma != std::string_view::npos && entry.substr(0, comma) == "v1") {
        v1.push_back(entry.substr(comma + 1));
      }
    }
    const auto expected = crypto::hmac_sha256(*key, content(*id, *ts_text, body));
    return match_signatures(expected, v1, DigestEncoding::base64, "v1 entry", kSignature);
  }

  ToleranceMode tolerance_mode() const override { return ToleranceMode::two_sided; }

  std::vector<std::string> header_names() const override {
    return {std::string(kId), std::string(kTimestamp), std::string(kSignature)};
  }
};

}  // namespace

std::unique_ptr<Scheme> make_standard() {
  return std::make_unique<StandardScheme>();
}

}  // namespace golive::webhook::detail
