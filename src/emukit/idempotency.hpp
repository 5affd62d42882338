#pragma once
/// Server-side idempotency as Bluum and Blockchain0x document it: a key stores the first
/// successful answer for 24 h; the same key with another request is a conflict.
#include <chrono>
#include <map>
#include <string>

namespace golive::emukit {

/// A stored answer to an Idempotency-Key.
struct IdempotencyEntry {
  std::string fingerprint;  ///< request_fingerprint() of the first request
  int status = 0;
  std::string body;
  std::chrono::steady_clock::time_point stored_at;
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(std::chrono::hours ttl = std::chrono::hours(24)) : ttl_(ttl) {}
  /// The live entry for `key`, dropping it when older than the TTL; null when none.
  const IdempotencyEntry* find(const std::string& key, std::chrono::steady_clock::time_point now);
  /// Stores (or replaces) the answer for `key`.
  void store(const std::string& key, IdempotencyEntry entry) { entries_[key] = std::move(entry); }

 private:
  std::chrono::hours ttl_;
  std::map<std::string, IdempotencyEntry> entries_;
};

/// SHA-256 (hex) of method, path and the body's canonical JSON (raw bytes if not JSON), so a
/// re-serialised retry still matches.
std::string request_fingerprint(const std::string& method, const std::string& path,
                                const std::string& body);

}  // namespace golive::emukit
