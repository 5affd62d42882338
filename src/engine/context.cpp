#include "engine/context.hpp"

namespace golive {

const Secret* CheckContext::credential(const std::string& name) const {
  auto it = target.credentials.find(name);
  if (it == target.credentials.end() || !it->second.secret) return nullptr;
  return &*it->second.secret;
}

const CheckResult* CheckContext::prerequisite(const std::string& id) const {
  auto it = prerequisites.find(id);
  return it == prerequisites.end() ? nullptr : &it->second;
}

std::chrono::milliseconds CheckContext::time_left() const {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock.now());
  return left.count() > 0 ? left : std::chrono::milliseconds(0);
}

}  // namespace golive
