/// The profile-described HMAC-SHA256 scheme (SPEC §6 `custom`).
#include <stdexcept>
#include <utility>

#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"
#include "crypto/webhook_detail.hpp"

namespace golive::webhook::detail {
namespace {

constexpr std::string_view kPlaceholders = "{id}, {timestamp}, {body}";

/// The placeholder starting at `text[pos]` ('{'), or empty if none of ours starts there.
std::string_view placeholder_at(std::string_view text, std::size_t pos) {
  for (const std::string_view p : {"{id}", "{timestamp}", "{body}"}) {
    if (text.substr(pos, p.size()) == p) return p;
  }
  return {};
}

/// RFC 9110 token characters, which is what a header name may contain.
bool is_header_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument("custom webhook scheme: " + message);
}

/// Rejects configurations that could not sign or would leave the body unauthenticated.
void validate(const CustomSchemeConfig& c) {
  require(is_header_name(c.signature_header),
          "signature_header must be a header name, got " + quote(c.signature_header));
  require(c.timestamp_header.empty() || is_header_name(c.timestamp_header),
          "timestamp_header must be empty or a header name, got " + quote(c.timestamp_header));
  require(c.id_header.empty() || is_header_name(c.id_header),
          "id_header must be empty or a header name, got " + quote(c.id_header));
  const std::string_view t = c.signed_template;
  bool has_body = false;
  for (std::size_t pos = t.find('{'); pos != std::string_view::npos; pos = t.find('{', pos + 1)) {
    const auto p = placeholder_at(t, pos);
    if (p.empty()) {
      // "{word}" looks like a mistyped placeholder; other braces are literal text.
      const auto close = t.find('}', pos);
      const auto word = close == std::string_view::npos ? t.substr(pos + 1, 0)
                                                        : t.substr(pos + 1, close - pos - 1);
      require(word.empty() ||
                  word.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos,
              "signed_template uses unknown placeholder " + quote("{" + std::string(word) + "}") +
                  "; valid placeholders: " + std::string(kPlaceholders));
      continue;
    }
    has_body = has_body || p == "{body}";
    require(p != "{id}" || !c.id_header.empty(),
            "signed_template uses {id} but id_header is empty");
    require(p != "{timestamp}" || !c.timestamp_header.empty(),
            "signed_template uses {timestamp} but timestamp_header is empty");
  }
  require(has_body, "signed_template must contain {body}, or the body would not be signed");
}

/// `tmpl` with each placeholder replaced once, left to right (values are never re-scanned).
std::string render(std::string_view tmpl, std::string_view id, std::string_view ts,
                   std::string_view body) {
  std::string out;
  out.reserve(tmpl.size() + body.size() + id.size() + ts.size());
  for (std::size_t pos = 0; pos < tmpl.size();) {
    const auto p = tmpl[pos] == '{' ? placeholder_at(tmpl, pos) : std::string_view();
    if (p.empty()) {
      out.push_back(tmpl[pos++]);
      continue;
    }
    out.append(p == "{id}" ? id : p == "{timestamp}" ? ts : body);
    pos += p.size();
  }
  return out;
}

class CustomScheme final : public Scheme {
 public:
  explicit CustomScheme(CustomSchemeConfig config) : c_(std::move(config)) {}

  std::string name() const override { return "custom"; }

  HeaderList sign(std::string_view secret, const SignInput& input) const override {
    const auto key = decode_key(secret);
    if (!key) throw std::invalid_argument(bad_secret());
    const auto ts = std::to_string(input.timestamp);
    HeaderList out;
    if (!c_.id_header.empty()) out.emplace_back(c_.id_header, input.id);
    if (!c_.timestamp_header.empty()) out.emplace_back(c_.timestamp_header, ts);
    const auto mac =
        crypto::hmac_sha256(*key, render(c_.signed_template, input.id, ts, input.body));
    out.emplace_back(c_.signature_header, c_.signature_prefix + encode(mac));
    return out;
  }

  VerifyResult verify(std::string_view secret, const HeaderList& headers, std::string_view body,
                      std::int64_t now, int tolerance_s) const override {
    const auto key = decode_key(secret);
    if (!key) return fail("secret_invalid", bad_secret());
    std::string_view id;
    if (!c_.id_header.empty()) {
      const auto found = find_header(headers, c_.id_header);
      if (!found || found->empty()) {
        return fail("id_missing", "the " + c_.id_header + " header is missing or empty");
      }
      id = *found;
    }
    std::string_view ts_text;
    if (!c_.timestamp_header.empty()) {
      const auto found = find_header(headers, c_.timestamp_header);
      if (!found)
        return fail("timestamp_missing", "the " + c_.timestamp_header + " header is missing");
      ts_text = *found;
    }
    const auto sig = find_header(headers, c_.signature_header);
    if (!sig || trim(*sig).empty()) {
      return fail("signature_missing",
                  "the " + c_.signature_header + " header is missing or empty");
    }
    if (!c_.timestamp_header.empty()) {
      if (auto bad =
              check_timestamp(c_.timestamp_header, ts_text, now, tolerance_s, c_.tolerance)) {
        return *bad;
      }
    }
    auto value = trim(*sig);
    if (value.substr(0, c_.signature_prefix.size()) != c_.signature_prefix) {
      return fail("signature_malformed", "the " + c_.signature_header + " header " + quote(value) +
                                             " does not start with " + quote(c_.signature_prefix));
    }
    value.remove_prefix(c_.signature_prefix.size());
    const auto expected = crypto::hmac_sha256(*key, render(c_.signed_template, id, ts_text, body));
    return match_signatures(expected, {value}, c_.digest, "signature", c_.signature_header);
  }

  ToleranceMode tolerance_mode() const override { return c_.tolerance; }

  std::vector<std::string> header_names() const override {
    std::vector<std::string> out;
    if (!c_.id_header.empty()) out.push_back(c_.id_header);
    if (!c_.timestamp_header.empty()) out.push_back(c_.timestamp_header);
    out.push_back(c_.signature_header);
    return out;
  }

 private:
  std::optional<std::string> decode_key(std::string_view secret) const {
    if (c_.key_encoding == KeyEncoding::raw) {
      return secret.empty() ? std::nullopt : std::optional<std::string>(secret);
    }
    const std::string_view prefix = c_.key_prefix;
    if (!prefix.empty() && secret.substr(0, prefix.size()) == prefix) {
      secret.remove_prefix(prefix.size());
    }
    auto key = decode_base64_lenient(secret);
    if (!key || key->empty()) return std::nullopt;
    return key;
  }

  std::string bad_secret() const {
    if (c_.key_encoding == KeyEncoding::raw) return "the webhook secret is empty";
    return "the webhook secret is not " +
           (c_.key_prefix.empty() ? std::string() : quote(c_.key_prefix) + " followed by ") +
           "a non-empty base64 key";
  }

  std::string encode(const std::string& mac) const {
    return c_.digest == DigestEncoding::hex ? crypto::hex_encode(mac) : crypto::base64_encode(mac);
  }

  CustomSchemeConfig c_;
};

}  // namespace

std::unique_ptr<Scheme> make_custom(const CustomSchemeConfig& config) {
  validate(config);
  return std::make_unique<CustomScheme>(config);
}

}  // namespace golive::webhook::detail
