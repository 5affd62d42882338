#pragma once
/// The profile's `webhook:` settings as a signing scheme (SPEC §6): `scheme` by name, and for
/// `custom` the `webhook.custom` mapping turned into a CustomSchemeConfig. Shared by the
/// webhook.* checks, `bluum-golive webhook sign|verify|send` and the demo receiver.
#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>

#include "crypto/webhook.hpp"
#include "profile/profile.hpp"

namespace golive::checks::wh {

/// Reads a `custom:` mapping (keys as in src/profile/README.md: signature_header,
/// signed_template, timestamp_header, id_header, signature_prefix, key_encoding, key_prefix,
/// digest, tolerance). Throws std::invalid_argument naming the key for anything the profile
/// loader would refuse (not a mapping, unknown key, missing required key, bad enumeration).
webhook::CustomSchemeConfig custom_scheme_config(const YAML::Node& custom);

/// A scheme ready to sign and verify, with the facts callers need besides the Scheme itself.
struct SchemeSetup {
  std::shared_ptr<const webhook::Scheme> scheme;
  std::string signature_header;  ///< the header holding the signature (stripped when unsigned)
  /// Prefix a well-formed secret starts with ("whsec_", or a custom base64 scheme's key_prefix);
  /// used to build a decoy secret of the right shape.
  std::string secret_prefix = "whsec_";
};

/// Builds the scheme called `name` (custom: from `custom`, which must then be a mapping).
/// Throws std::invalid_argument with a one-line reason (unknown scheme, bad custom config).
SchemeSetup make_scheme_setup(const std::string& name, const YAML::Node& custom = {});

/// make_scheme_setup for a profile's webhook section.
inline SchemeSetup make_scheme_setup(const profile::WebhookConfig& wh) {
  return make_scheme_setup(wh.scheme, wh.custom);
}

}  // namespace golive::checks::wh
