#include "checks/credentials/present.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace golive::checks {

namespace {

/// Why a resolved value looks wrong, or "" if it looks fine. Never includes the value.
std::string shape_problem(const std::string& v) {
  if (v.empty()) return "is empty";
  if (std::isspace(static_cast<unsigned char>(v.front())) ||
      std::isspace(static_cast<unsigned char>(v.back()))) {
    return "has leading or trailing whitespace";
  }
  if (v.find_first_of("\r\n") != std::string::npos) return "contains a line break";
  char f = v.front(), b = v.back();
  if ((f == '"' || f == '\'') || (b == '"' || b == '\'')) return "is wrapped in quotes";
  return "";
}

std::string fix_for(const profile::CredentialSource* src, const std::string& name,
                    const ProviderPack& provider) {
  if (!src) {
    auto var = provider.env_vars.count(name) ? provider.env_vars.at(name) : "YOUR_VARIABLE";
    return fmt::format("declare credentials.{}: {{env: {}}} in the profile", name, var);
  }
  if (!src->shows_reference()) {
    return fmt::format(
        "credentials.{}: name the variable, file or command that holds the secret, "
        "never the secret itself (rotate it if it was pasted into the profile)",
        name);
  }
  switch (src->kind) {
    case profile::CredentialSource::Kind::env:
      return fmt::format("export {} with the value from the dashboard (or your secret manager)",
                         src->env_var);
    case profile::CredentialSource::Kind::file:
      return fmt::format("write the value to {} (one line, no quotes)", src->path);
    case profile::CredentialSource::Kind::command:
      return "make the command print only the secret on stdout and exit 0";
  }
  return "";
}

}  // namespace

CheckInfo CredentialsPresent::describe() {
  CheckInfo i;
  i.id = "credentials.present";
  i.title = "Every credential resolves";
  i.checklist_items = {"cutover.credentials"};
  i.side_effect = SideEffect::static_only;
  i.what =
      "Every credential the profile declares and the provider requires resolves from its "
      "source (env, file or command) to a non-empty value without stray whitespace, line "
      "breaks or quotes.";
  i.why =
      "A missing or mangled key is the most common cut-over failure: the first production "
      "call answers 401.";
  i.how_to_fix =
      "Set the environment variable, file or secret-manager command named in the "
      "profile's credentials section.";
  i.doc = "checks/credentials/present.md";
  return i;
}

CredentialsPresent::CredentialsPresent(CheckOptions&) {}

CheckResult CredentialsPresent::run(CheckContext& ctx) {
  CheckResult r;
  std::vector<std::string> names = ctx.provider.credentials;
  for (const auto& [name, _] : ctx.target.credentials) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::vector<std::string> problems, fixes;
  for (const auto& name : names) {
    const auto& declared = ctx.profile().credentials;
    auto src_it = declared.find(name);
    const profile::CredentialSource* src = src_it == declared.end() ? nullptr : &src_it->second;
    auto it = ctx.target.credentials.find(name);
    Evidence e;
    e.label = "credentials." + name;
    e.expected = "resolves to a non-empty value without whitespace or quotes";
    std::string problem;
    if (it == ctx.target.credentials.end()) {
      problem = "is not declared in the profile";
      e.observed = "not declared";
    } else if (!it->second.ok()) {
      problem = it->second.error;
      e.observed = (src ? src->describe() + ": " : "") + it->second.error;
    } else {
      const Secret& s = *it->second.secret;
      problem = shape_problem(s.reveal());
      e.observed = fmt::format("{} {}{}", s.source(), s.fingerprint(),
                               problem.empty() ? "" : " — value " + problem);
      if (!problem.empty()) problem = "value from " + s.source() + " " + problem;
    }
    r.evidence.push_back(e);
    if (!problem.empty()) {
      problems.push_back(name + ": " + problem);
      fixes.push_back(fix_for(src, name, ctx.provider));
    }
  }
  if (ctx.target.webhook_secret) {
    Evidence e;
    e.label = "webhook.secret";
    e.expected = "resolves";
    const auto& res = *ctx.target.webhook_secret;
    e.observed = res.ok() ? res.secret->source() + " " + res.secret->fingerprint() : res.error;
    if (!res.ok()) {
      problems.push_back("webhook.secret: " + res.error);
      const auto& wh = ctx.profile().webhook;
      const profile::CredentialSource* src = wh && wh->secret ? &*wh->secret : nullptr;
      fixes.push_back(fix_for(src, "webhook_secret", ctx.provider));
    }
    r.evidence.push_back(e);
  }
  if (problems.empty()) {
    r.status = Status::pass;
    r.summary = fmt::format("{} credential{} resolve", r.evidence.size(),
                            r.evidence.size() == 1 ? "" : "s");
  } else {
    r.status = Status::fail;
    r.summary = fmt::format("{}", fmt::join(problems, "; "));
    r.fix = fmt::format("{}", fmt::join(fixes, "; "));
  }
  return r;
}

}  // namespace golive::checks
