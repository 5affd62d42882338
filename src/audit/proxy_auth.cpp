#include "audit/proxy_auth.hpp"

#include <algorithm>
#include <cctype>

#include "core/secret.hpp"
#include "crypto/digest.hpp"
#include "crypto/encoding.hpp"

namespace golive::audit {

namespace {

/// "basic" for "Basic xyz" (scheme names are case-insensitive), and the part after the space.
std::pair<std::string, std::string> split_scheme(const std::string& value) {
  const auto space = value.find(' ');
  std::string scheme = value.substr(0, space);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string rest = space == std::string::npos ? "" : value.substr(space + 1);
  const auto start = rest.find_first_not_of(' ');
  return {scheme, start == std::string::npos ? "" : rest.substr(start)};
}

/// Decodes "user:password" from a Basic credential; false when it is not one.
bool decode_basic(const std::string& token, std::string& user, std::string& password) {
  auto decoded = crypto::base64_decode(token);
  if (!decoded) return false;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return false;
  user = decoded->substr(0, colon);
  password = decoded->substr(colon + 1);
  return true;
}

}  // namespace

void TokenLedger::add(const std::string& token, const std::string& key) {
  register_secret(token);
  std::lock_guard lock(mu_);
  keys_[token] = key;
}

std::optional<std::string> TokenLedger::key_of(const std::string& token) const {
  std::lock_guard lock(mu_);
  auto it = keys_.find(token);
  if (it == keys_.end()) return std::nullopt;
  return it->second;
}

bool is_token_request(const ProviderPack& pack, const std::string& method,
                      const std::string& path) {
  return pack.auth.strategy == AuthStrategy::token_exchange && method == "POST" &&
         path == pack.auth.token.path;
}

ClientAuth client_auth(const httplib::Request& req, const ProviderPack& pack, bool token_request,
                       const TokenLedger& tokens) {
  ClientAuth out;
  if (!req.has_header("Authorization")) return out;
  out.raw = req.get_header_value("Authorization");
  // The header exactly as sent and its credential part are secrets whatever they turn out to be.
  register_secret(out.raw);
  const auto [scheme, credential] = split_scheme(out.raw);
  if (!credential.empty()) register_secret(credential);
  auto& rec = out.recorded;
  rec.scheme = scheme == "basic" || scheme == "bearer" ? scheme : "other";
  if (credential.empty()) return out;
  std::map<std::string, std::string> values;  ///< credential name → value, in memory only
  const auto fp = [&values](const std::string& name, const std::string& v) {
    values[name] = v;
    return crypto::fingerprint(v);
  };
  switch (pack.auth.strategy) {
    case AuthStrategy::basic: {
      std::string user, password;
      if (scheme != "basic" || !decode_basic(credential, user, password)) break;
      register_basic_credentials(user, password);
      out.basic = net::BasicAuth{Secret(user, "audit client"), Secret(password, "audit client")};
      rec.credentials[pack.auth.user] = fp(pack.auth.user, user);
      rec.credentials[pack.auth.password] = fp(pack.auth.password, password);
      out.tenant_key = user;
      break;
    }
    case AuthStrategy::bearer:
      if (scheme != "bearer") break;
      rec.credentials[pack.auth.credential] = fp(pack.auth.credential, credential);
      out.tenant_key = credential;
      break;
    case AuthStrategy::token_exchange:
      if (token_request && scheme == "basic") {
        // The key goes as issued (Basiq): never decoded, never re-encoded.
        rec.credentials[pack.auth.token.credential] = fp(pack.auth.token.credential, credential);
        out.tenant_key = credential;
      } else if (!token_request && scheme == "bearer") {
        if (auto key = tokens.key_of(credential)) {
          rec.credentials[pack.auth.token.credential] = fp(pack.auth.token.credential, *key);
          rec.token = "relayed";
          out.tenant_key = *key;
        } else {
          rec.token = "unknown";
        }
      }
      break;
  }
  if (auto it = values.find(pack.mode.credential); it != values.end()) {
    if (auto kind = pack.mode_of_key(it->second)) out.key_mode = std::string(to_string(*kind));
  }
  return out;
}

}  // namespace golive::audit
