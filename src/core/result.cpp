#include "core/result.hpp"

#include <algorithm>

namespace golive {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::pass:
      return "pass";
    case Status::skip:
      return "skip";
    case Status::warn:
      return "warn";
    case Status::inconclusive:
      return "inconclusive";
    case Status::fail:
      return "fail";
  }
  return "?";
}

std::string_view to_string(SideEffect s) {
  switch (s) {
    case SideEffect::static_only:
      return "static";
    case SideEffect::read_only:
      return "read-only";
    case SideEffect::sandbox_write:
      return "sandbox-write";
    case SideEffect::partner_endpoint:
      return "partner-endpoint";
  }
  return "?";
}

std::string_view to_string(EnvKind k) {
  return k == EnvKind::production ? "production" : "sandbox";
}

bool CheckInfo::applies_to(EnvKind kind) const {
  return environments.empty() ||
         std::find(environments.begin(), environments.end(), kind) != environments.end();
}

}  // namespace golive
