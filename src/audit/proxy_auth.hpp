#pragma once
/// How the audit proxy reads a client's credentials with the provider pack's auth strategy
/// (Basic key pair, Bearer key, or a token exchange), registers every one with the Redactor
/// before anything about the request is written, and tells which credential authenticated it
/// — by fingerprint only (docs/audit.md "Credentials").
#include <httplib.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "audit/recording.hpp"
#include "engine/provider.hpp"
#include "net/http.hpp"

namespace golive::audit {

/// Bearer tokens the proxy relayed in token answers, each with the credential it was issued
/// for. Thread-safe.
class TokenLedger {
 public:
  /// Registers `token` with the Redactor in every form, then remembers it for `key`.
  void add(const std::string& token, const std::string& key);
  /// The credential `token` was issued for; nullopt for a token this proxy never relayed.
  std::optional<std::string> key_of(const std::string& token) const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> keys_;
};

/// The client's Authorization header as the pack reads it.
struct ClientAuth {
  std::optional<net::BasicAuth> basic;  ///< a Basic pack's key pair, re-sent by the upstream client
  std::string raw;                      ///< the header as received, forwarded as is; "" = none
  RecordedAuth recorded;                ///< scheme, credential fingerprints, token
  /// The credential the upstream knows the tenant by (Basic user, Bearer key, the token
  /// request's key, or the key a relayed token was issued for); "" when unknown.
  std::string tenant_key;
  /// The mode the pack's mode credential shows by its prefix ("sandbox" | "production"); "" when
  /// the pack has no key-prefix mode or the request did not carry that credential.
  std::string key_mode;
};

/// True when `method` `path` (relative to the base URL) is the pack's token request.
bool is_token_request(const ProviderPack& pack, const std::string& method, const std::string& path);

/// Reads and registers the Authorization header of `req` (see ClientAuth). `token_request`:
/// the request is the pack's token request (its Basic credential is the key as issued).
ClientAuth client_auth(const httplib::Request& req, const ProviderPack& pack, bool token_request,
                       const TokenLedger& tokens);

}  // namespace golive::audit
