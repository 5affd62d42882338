#include "engine/safety.hpp"

#include "net/url.hpp"

namespace golive {

std::vector<Refusal> safety_refusals(const std::vector<PlannedCheck>& plan,
                                     const ProviderPack& provider) {
  std::vector<Refusal> out;
  for (const auto& p : plan) {
    if (p.entry->info.side_effect != SideEffect::sandbox_write) continue;
    const auto& prof = p.target->profile;
    if (prof.kind == EnvKind::production) {
      out.push_back({p.entry->info.id, prof.path,
                     "its target profile is production-kind (environment: " + prof.environment +
                         ")"});
      continue;
    }
    // Judge the URL as written in the profile and the effective one: both must be safe.
    for (const auto& url : {prof.base_url, p.target->base_url}) {
      if (url == "embedded" || url.empty()) continue;
      auto parsed = net::parse_url(url);
      if (!parsed.ok()) {
        out.push_back({p.entry->info.id, prof.path, "its base URL cannot be parsed"});
        break;
      }
      if (provider.is_production_host(parsed.url->host)) {
        out.push_back({p.entry->info.id, prof.path,
                       parsed.url->host + " is a known production host of " +
                           provider.display_name});
        break;
      }
    }
  }
  return out;
}

}  // namespace golive
