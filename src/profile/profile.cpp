#include "profile/profile.hpp"

namespace golive::profile {

std::string CredentialSource::describe() const {
  switch (kind) {
    case Kind::env:
      return "env " + env_var;
    case Kind::file:
      return "file " + path;
    case Kind::command:
      return argv.empty() ? std::string("command") : "command " + argv.front();
  }
  return "unknown source";
}

SourceLoc Profile::where(const std::string& key) const {
  std::string k = key;
  while (!k.empty()) {
    if (auto it = locations.find(k); it != locations.end()) return it->second;
    size_t dot = k.rfind('.');
    if (dot == std::string::npos) break;
    k.erase(dot);
  }
  return SourceLoc{path, 1, 1};
}

}  // namespace golive::profile
