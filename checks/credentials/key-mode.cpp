#include "checks/credentials/key-mode.hpp"

#include <fmt/format.h>

namespace golive::checks {

namespace {

/// "an" before a prefix read letter by letter with a vowel sound (sk_ → "an sk_…").
std::string article(const std::string& word) {
  const std::string vowel_sound = "aefhilmnorsxAEFHILMNORSX";
  return !word.empty() && vowel_sound.find(word.front()) != std::string::npos ? "an" : "a";
}

/// " and set X-Network: mainnet" for every header the pack sets by mode.
std::string header_advice(const ProviderPack& pack, EnvKind kind) {
  std::string out;
  for (const auto& h : pack.headers) {
    if (h.by_mode.empty()) continue;
    const auto& value = h.value_for(kind);
    if (!value.empty()) out += fmt::format(" and set {}: {}", h.name, value);
  }
  return out;
}

std::string prefix_of(const ProviderPack& pack, EnvKind kind) {
  auto it = pack.mode.prefixes.find(kind);
  return it == pack.mode.prefixes.end() ? "" : it->second;
}

}  // namespace

CheckInfo CredentialsKeyMode::describe() {
  CheckInfo i;
  i.id = "credentials.key-mode";
  i.title = "The key's prefix matches the environment (live key in production)";
  i.checklist_items = {"live-key.prefix"};
  i.side_effect = SideEffect::static_only;
  i.requires_pack = {"key-prefix-mode"};
  i.what =
      "For a provider whose key prefix is the mode, the profile's key starts with the "
      "prefix of the profile's environment kind: production the live prefix (sk_live_), "
      "sandbox the test prefix (sk_test_). The value is never printed.";
  i.why =
      "One host serves both modes, so only the key decides whether real money moves: a test "
      "key in production means the integration never went live; a live key in a sandbox "
      "profile moves real money during rehearsals.";
  i.how_to_fix =
      "Replace the key with the one of this environment's mode (the provider's "
      "dashboard shows it once at creation) and set the mode header to match.";
  i.doc = "checks/credentials/key-mode.md";
  return i;
}

CredentialsKeyMode::CredentialsKeyMode(CheckOptions&) {}

CheckResult CredentialsKeyMode::run(CheckContext& ctx) {
  CheckResult r;
  const auto& pack = ctx.provider;
  const std::string& name = pack.mode.credential;
  const EnvKind kind = ctx.profile().kind;
  const std::string want = prefix_of(pack, kind);
  const Secret* key = ctx.credential(name);
  if (key == nullptr || want.empty()) {
    r.status = Status::inconclusive;
    r.summary = fmt::format("credentials.{} did not resolve; credentials.present says why", name);
    return r;
  }
  const auto mode = pack.mode_of_key(key->reveal());
  Evidence e;
  e.label = fmt::format("credentials.{} prefix ({} profile)", name, to_string(kind));
  e.expected = want + "…";
  if (mode == kind) {
    e.observed = want + "…";
    r.evidence.push_back(e);
    r.status = Status::pass;
    r.summary = fmt::format("credentials.{} is {} {}* key, as a {} profile needs", name,
                            article(want), want, to_string(kind));
    return r;
  }
  const std::string have = mode ? prefix_of(pack, *mode) : "";
  e.observed = have.empty() ? "neither prefix" : have + "…";
  r.evidence.push_back(e);
  r.status = Status::fail;
  if (have.empty()) {
    r.summary = fmt::format(
        "credentials.{} starts with neither {} nor {}: it is not a full secret key (a key "
        "list shows only a short prefix of it)",
        name, prefix_of(pack, EnvKind::sandbox), prefix_of(pack, EnvKind::production));
  } else {
    r.summary = fmt::format("credentials.{} is {} {}* key in a {} profile", name, article(have),
                            have, to_string(kind));
  }
  r.fix = have.empty() ? fmt::format("Set credentials.{} to the full {}* secret{}", name, want,
                                     header_advice(pack, kind))
                       : fmt::format("Replace the {}* key with {} {}* key{}", have, article(want),
                                     want, header_advice(pack, kind));
  return r;
}

}  // namespace golive::checks
