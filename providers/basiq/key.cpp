#include "providers/basiq/key.hpp"

#include "crypto/encoding.hpp"

namespace golive::basiq {

bool key_encoded_twice(const std::string& key) {
  const auto once = crypto::base64_decode(key);
  if (!once || once->find(':') != std::string::npos) return false;
  const auto twice = crypto::base64_decode(*once);
  return twice && twice->find(':') != std::string::npos;
}

}  // namespace golive::basiq
