#include "core/secret.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "crypto/digest.hpp"
#include "crypto/encoding.hpp"
#include "crypto/webhook.hpp"

namespace golive {

Secret::Secret(std::string value, std::string source)
    : value_(std::move(value)), source_(std::move(source)) {
  register_secret(value_);
}

std::string Secret::fingerprint() const {
  return crypto::fingerprint(value_);
}

Redactor& Redactor::global() {
  static Redactor instance;
  // Quotes of untrusted text in webhook verification reasons are redacted before they are cut
  // (crypto sits below core, so core hands it the filter).
  static const bool hooked = (webhook::set_reason_filter(&golive::redact), true);
  (void)hooked;
  return instance;
}

void Redactor::add(std::string_view value) {
  if (value.size() < 4) return;
  std::lock_guard lock(mu_);
  if (std::find(values_.begin(), values_.end(), value) != values_.end()) return;
  values_.emplace_back(value);
  // Longest first, so a secret that contains another is masked whole.
  std::sort(values_.begin(), values_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::redact(std::string_view text) const {
  std::string out(text);
  std::lock_guard lock(mu_);
  for (const auto& v : values_) {
    for (size_t pos = out.find(v); pos != std::string::npos; pos = out.find(v, pos + 3)) {
      out.replace(pos, v.size(), "***");
    }
  }
  return out;
}

std::vector<std::string> Redactor::values() const {
  std::lock_guard lock(mu_);
  return values_;
}

size_t Redactor::size() const {
  std::lock_guard lock(mu_);
  return values_.size();
}

void Redactor::clear_for_tests() {
  std::lock_guard lock(mu_);
  values_.clear();
}

std::string redact(std::string_view text) {
  return Redactor::global().redact(text);
}

namespace {

/// Percent-encoding of every byte outside RFC 3986's unreserved set (libcurl), "" on failure.
std::string percent_encoded(std::string_view value) {
  char* out = curl_easy_escape(nullptr, value.data(), static_cast<int>(value.size()));
  if (out == nullptr) return "";
  std::string s(out);
  curl_free(out);
  return s;
}

/// The JSON string literal of `value` without its quotes (invalid UTF-8 replaced).
std::string json_escaped(std::string_view value) {
  const std::string quoted = nlohmann::json(std::string(value))
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

/// `text` with every occurrence of `from` replaced by `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace

void register_secret(std::string_view value) {
  Redactor& r = Redactor::global();
  if (value.size() < 4) return;  // Redactor::add ignores them; so do their forms
  r.add(value);
  const std::string url = percent_encoded(value);
  r.add(url);
  std::string lower_hex = url;
  for (size_t i = 0; i + 2 < lower_hex.size(); ++i) {
    if (lower_hex[i] != '%') continue;
    for (size_t k = i + 1; k <= i + 2; ++k) {
      lower_hex[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower_hex[k])));
    }
  }
  r.add(lower_hex);
  const std::string json = json_escaped(value);
  r.add(json);
  r.add(replaced(json, "/", "\\/"));
  r.add("Bearer " + std::string(value));
}

void register_basic_credentials(std::string_view user, std::string_view password) {
  const std::string token = crypto::base64_encode(std::string(user) + ":" + std::string(password));
  register_secret(token);
  register_secret("Basic " + token);
}

std::string redacted_excerpt(std::string_view text, size_t max) {
  std::string out = redact(text);
  if (out.size() <= max) return out;
  size_t cut = max;
  // Back up to the start of a UTF-8 sequence: continuation bytes are 10xxxxxx.
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "...";
}

}  // namespace golive
