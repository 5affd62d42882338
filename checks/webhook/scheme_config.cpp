#include "checks/webhook/scheme_config.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace golive::checks::wh {

namespace {

[[noreturn]] void bad(const std::string& message) {
  throw std::invalid_argument("webhook.custom: " + message);
}

/// A scalar string value; `allow_empty` admits null and "" (the prefixes).
std::string text(const YAML::Node& value, const std::string& key, bool allow_empty) {
  if (value.IsNull() && allow_empty) return "";
  if (!value.IsScalar()) bad("'" + key + "' must be a string");
  if (value.Scalar().empty() && !allow_empty) bad("'" + key + "' must not be empty");
  return value.Scalar();
}

std::string choice(const YAML::Node& value, const std::string& key,
                   const std::set<std::string>& choices) {
  const std::string v = text(value, key, false);
  if (choices.count(v) == 0) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    bad("'" + key + "' must be one of " + list + ", got '" + v + "'");
  }
  return v;
}

bool contains_signature(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.find("signature") != std::string::npos;
}

}  // namespace

webhook::CustomSchemeConfig custom_scheme_config(const YAML::Node& custom) {
  if (!custom || !custom.IsMap()) bad("must be a mapping (scheme is custom)");
  webhook::CustomSchemeConfig c;
  bool has_signature = false, has_template = false;
  for (const auto& kv : custom) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const YAML::Node& v = kv.second;
    if (key == "signature_header") {
      c.signature_header = text(v, key, false);
      has_signature = true;
    } else if (key == "signed_template") {
      c.signed_template = text(v, key, false);
      has_template = true;
    } else if (key == "timestamp_header") {
      c.timestamp_header = text(v, key, false);
    } else if (key == "id_header") {
      c.id_header = text(v, key, false);
    } else if (key == "signature_prefix") {
      c.signature_prefix = text(v, key, true);
    } else if (key == "key_prefix") {
      c.key_prefix = text(v, key, true);
    } else if (key == "key_encoding") {
      c.key_encoding = choice(v, key, {"raw", "base64"}) == "raw" ? webhook::KeyEncoding::raw
                                                                  : webhook::KeyEncoding::base64;
    } else if (key == "digest") {
      c.digest = choice(v, key, {"hex", "base64"}) == "hex" ? webhook::DigestEncoding::hex
                                                            : webhook::DigestEncoding::base64;
    } else if (key == "tolerance") {
      c.tolerance = choice(v, key, {"two_sided", "past_only"}) == "two_sided"
                        ? webhook::ToleranceMode::two_sided
                        : webhook::ToleranceMode::past_only;
    } else {
      bad("unknown key '" + key +
          "' (known: signature_header, signed_template, timestamp_header, id_header, "
          "signature_prefix, key_encoding, key_prefix, digest, tolerance)");
    }
  }
  if (!has_signature) bad("missing required key 'signature_header'");
  if (!has_template) bad("missing required key 'signed_template'");
  return c;
}

SchemeSetup make_scheme_setup(const std::string& name, const YAML::Node& custom) {
  SchemeSetup s;
  if (name == "custom") {
    const auto config = custom_scheme_config(custom);
    s.scheme = webhook::make_scheme(name, &config);
    s.signature_header = config.signature_header;
    if (config.key_encoding == webhook::KeyEncoding::base64) s.secret_prefix = config.key_prefix;
    return s;
  }
  s.scheme = webhook::make_scheme(name);
  const auto names = s.scheme->header_names();
  const auto it = std::find_if(names.begin(), names.end(), contains_signature);
  s.signature_header = it != names.end() ? *it : names.back();
  return s;
}

}  // namespace golive::checks::wh
