#pragma once
/// What Basiq's API key looks like, shared by its emulator and its checks.
#include <string>

namespace golive::basiq {

/// True when `key` looks like a Basiq API key base64-encoded once more: Basiq issues the key
/// already encoded (base64 of "id:secret") and it is sent as issued; a key whose base64
/// decoding is itself base64 of "id:secret" was encoded twice (POST /token answers 400).
bool key_encoded_twice(const std::string& key);

}  // namespace golive::basiq
