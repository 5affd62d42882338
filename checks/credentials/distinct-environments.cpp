#include "checks/credentials/distinct-environments.hpp"

#include <fmt/format.h>

#include "crypto/encoding.hpp"

namespace golive::checks {

CheckInfo CredentialsDistinctEnvironments::describe() {
  CheckInfo i;
  i.id = "credentials.distinct-environments";
  i.title = "Production credentials differ from sandbox";
  i.checklist_items = {"credentials.separate-environments"};
  i.side_effect = SideEffect::static_only;
  i.environments = {EnvKind::production};
  i.what =
      "Each production credential and the webhook secret differ from the same-named "
      "credential of the sandbox profile (compared in constant time, by value).";
  i.why =
      "Bluum issues separate credentials per environment; a sandbox key wired into "
      "production fails every call, and a shared webhook secret defeats signing.";
  i.how_to_fix =
      "Use the production key pair issued after approval, stored under a "
      "production-only secret name.";
  i.doc = "checks/credentials/distinct-environments.md";
  return i;
}

CredentialsDistinctEnvironments::CredentialsDistinctEnvironments(CheckOptions& options)
    : sandbox_profile_(options.get_string("sandbox_profile", "")) {}

CheckResult CredentialsDistinctEnvironments::run(CheckContext& ctx) {
  CheckResult r;
  std::string name = sandbox_profile_;
  if (name.empty()) name = ctx.profile().rehearsal.value_or("sandbox");
  std::string why;
  std::optional<Target> sandbox = ctx.load_sibling ? ctx.load_sibling(name, why) : std::nullopt;
  if (!sandbox) {
    r.status = Status::skip;
    r.summary = "no sandbox profile to compare with: " + (why.empty() ? name : why);
    return r;
  }
  std::vector<std::string> same, compared, unresolved;
  auto compare = [&](const std::string& label, const profile::Resolution* prod,
                     const profile::Resolution* sbx) {
    if (!prod || !sbx) return;
    if (!prod->ok() || !sbx->ok()) {
      unresolved.push_back(label);
      return;
    }
    Evidence e;
    e.label = label;
    e.expected = "differs from sandbox";
    bool equal = crypto::constant_time_equal(prod->secret->reveal(), sbx->secret->reveal());
    e.observed = fmt::format("production {} vs sandbox {}: {}", prod->secret->fingerprint(),
                             sbx->secret->fingerprint(), equal ? "SAME" : "different");
    r.evidence.push_back(e);
    compared.push_back(label);
    if (equal) same.push_back(label);
  };
  for (const auto& [cred, res] : ctx.target.credentials) {
    auto it = sandbox->credentials.find(cred);
    compare("credentials." + cred, &res, it == sandbox->credentials.end() ? nullptr : &it->second);
  }
  if (ctx.target.webhook_secret && sandbox->webhook_secret) {
    compare("webhook.secret", &*ctx.target.webhook_secret, &*sandbox->webhook_secret);
  }
  if (!same.empty()) {
    r.status = Status::fail;
    r.summary = fmt::format("same value as the '{}' profile: {}", name, fmt::join(same, ", "));
    r.fix =
        "use the production credentials issued by the provider; never reuse sandbox keys or "
        "webhook secrets in production";
  } else if (compared.empty()) {
    r.status = Status::skip;
    r.summary = fmt::format("nothing to compare: sandbox credentials unresolved ({})",
                            fmt::join(unresolved, ", "));
  } else {
    r.status = Status::pass;
    r.summary = fmt::format("{} differ from the '{}' profile", fmt::join(compared, ", "), name);
  }
  return r;
}

}  // namespace golive::checks
