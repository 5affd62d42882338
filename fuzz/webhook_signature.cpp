// Fuzz target: the webhook signature header parsers (src/crypto/webhook_*). The input is split
// at newlines: the first lines become the scheme's signature headers (in header_names() order),
// the rest is the body. Every scheme must return a VerifyResult, never crash or throw.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/webhook.hpp"
#include "crypto/webhook_detail.hpp"

namespace {

using namespace golive::webhook;

const std::vector<std::unique_ptr<Scheme>>& schemes() {
  static const std::vector<std::unique_ptr<Scheme>> all = [] {
    std::vector<std::unique_ptr<Scheme>> out;
    for (const char* name : {"standard", "stripe", "blockchain0x"})
      out.push_back(make_scheme(name));
    CustomSchemeConfig hex;
    hex.signature_header = "X-Signature";
    hex.timestamp_header = "X-Timestamp";
    hex.id_header = "X-Id";
    hex.signed_template = "{id}.{timestamp}.{body}";
    hex.signature_prefix = "sha256=";
    out.push_back(make_scheme("custom", &hex));
    CustomSchemeConfig b64;
    b64.signature_header = "X-Sig";
    b64.signed_template = "{body}";
    b64.key_encoding = KeyEncoding::base64;
    b64.key_prefix = "whsec_";
    b64.digest = DigestEncoding::base64;
    b64.tolerance = ToleranceMode::past_only;
    out.push_back(make_scheme("custom", &b64));
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (lines.size() < 4) {
    const auto nl = input.find('\n', start);
    if (nl == std::string_view::npos) break;
    lines.push_back(input.substr(start, nl - start));
    start = nl + 1;
  }
  const std::string_view body = input.substr(std::min(start, input.size()));
  for (const auto& scheme : schemes()) {
    HeaderList headers;
    const auto names = scheme->header_names();
    for (std::size_t i = 0; i < names.size() && i < lines.size(); ++i) {
      headers.emplace_back(names[i], std::string(lines[i]));
    }
    for (const char* secret : {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "short"}) {
      for (int tolerance : {300, kIgnoreTolerance}) {
        (void)scheme->verify(secret, headers, body, 1700000000, tolerance);
      }
    }
  }
  (void)detail::parse_key_values(input);
  (void)detail::parse_timestamp(input);
  (void)detail::decode_base64_lenient(input);
  return 0;
}
