#include "crypto/webhook_detail.hpp"

#include <atomic>
#include <charconv>
#include <cstddef>
#include <utility>

#include "crypto/encoding.hpp"

namespace golive::webhook::detail {
namespace {

constexpr std::size_t kDigestSize = 32;  // HMAC-SHA256
constexpr std::size_t kQuoteLimit = 40;

std::atomic<std::string (*)(std::string_view)> g_reason_filter{nullptr};

std::optional<std::string> decode_digest(std::string_view text, DigestEncoding encoding) {
  return encoding == DigestEncoding::hex ? crypto::hex_decode(text) : crypto::base64_decode(text);
}

}  // namespace

VerifyResult fail(std::string code, std::string reason) {
  return VerifyResult{false, std::move(code), std::move(reason)};
}

VerifyResult pass(std::string reason) {
  return VerifyResult{true, "ok", std::move(reason)};
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto pos = text.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string quote(std::string_view untrusted) {
  // Filter (redact) first, then cut and clean: a secret cut in half cannot be recognised later.
  const auto filter = g_reason_filter.load();
  const std::string text = filter != nullptr ? filter(untrusted) : std::string(untrusted);
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < kQuoteLimit; ++i) {
    const char c = text[i];
    out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  }
  if (text.size() > kQuoteLimit) out += "...";
  out += "'";
  return out;
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<VerifyResult> check_timestamp(std::string_view where, std::string_view text,
                                            std::int64_t now, int tolerance_s, ToleranceMode mode) {
  // "webhook-timestamp 123" but "Stripe-Signature t=123".
  const std::string label = std::string(where) + (where.ends_with('=') ? "" : " ");
  const auto ts = parse_timestamp(text);
  if (!ts) {
    return fail("timestamp_invalid",
                label + quote(text) + " is not a whole number of Unix seconds");
  }
  if (tolerance_s < 0) return std::nullopt;
  const auto tolerance = static_cast<std::uint64_t>(tolerance_s);
  // Unsigned differences of two int64 values cannot overflow.
  const auto u_ts = static_cast<std::uint64_t>(*ts);
  const auto u_now = static_cast<std::uint64_t>(now);
  const std::string window = " than now (" + std::to_string(now) + "); the tolerance is " +
                             std::to_string(tolerance_s) + " s";
  if (*ts < now && u_now - u_ts > tolerance) {
    return fail("timestamp_too_old", label + std::to_string(*ts) + " is " +
                                         std::to_string(u_now - u_ts) + " s older" + window);
  }
  if (mode == ToleranceMode::two_sided && *ts > now && u_ts - u_now > tolerance) {
    return fail("timestamp_too_new", label + std::to_string(*ts) + " is " +
                                         std::to_string(u_ts - u_now) + " s newer" + window);
  }
  return std::nullopt;
}

VerifyResult match_signatures(const std::string& expected,
                              const std::vector<std::string_view>& candidates,
                              DigestEncoding encoding, std::string_view what,
                              std::string_view where) {
  const std::string w(where);
  const std::string n = std::to_string(candidates.size());
  if (candidates.empty()) return fail("signature_missing", w + " has no " + std::string(what));
  std::size_t well_formed = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto decoded = decode_digest(candidates[i], encoding);
    if (!decoded || decoded->size() != kDigestSize) continue;
    ++well_formed;
    if (crypto::constant_time_equal(*decoded, expected)) {
      return pass(std::string(what) + " " + std::to_string(i + 1) + " of " + n + " in " + w +
                  " matches");
    }
  }
  const std::string checked = " (" + n + " checked)";
  if (well_formed == 0) {
    const char* form = encoding == DigestEncoding::hex ? "64-digit hex" : "padded base64";
    return fail("signature_malformed", "no " + std::string(what) + " in " + w +
                                           " is a 32-byte HMAC-SHA256 digest in " + form + checked);
  }
  return fail("signature_mismatch", "no " + std::string(what) + " in " + w +
                                        " matches the signature computed with the secret" +
                                        checked);
}

KeyValueList parse_key_values(std::string_view value) {
  KeyValueList out;
  for (const auto item : split(value, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    const auto key = trim(item.substr(0, eq));
    const auto val = trim(item.substr(eq + 1));
    out.keys.push_back(key);
    if (key == "t" && !out.t) out.t = val;
    if (key == "v1") out.v1.push_back(val);
  }
  return out;
}

std::optional<std::string> decode_base64_lenient(std::string_view text) {
  std::string padded(text);
  while (padded.size() % 4 != 0) padded.push_back('=');
  return crypto::base64_decode(padded);
}

}  // namespace golive::webhook::detail

namespace golive::webhook {

void set_reason_filter(std::string (*filter)(std::string_view)) {
  detail::g_reason_filter.store(filter);
}

}  // namespace golive::webhook
