// Fuzz target: the profile loader (src/profile) and every check's option parsing (plan_checks),
// i.e. everything `validate` does with a profile before resolving credentials. Any input must
// end in a profile or diagnostics: no crash, no hang, no exception other than ConfigError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/secret.hpp"
#include "engine/checklist.hpp"
#include "engine/packs.hpp"
#include "engine/registry.hpp"
#include "engine/runner.hpp"
#include "profile/loader.hpp"

namespace {

const golive::profile::LoadOptions& options() {
  static const golive::profile::LoadOptions o = [] {
    golive::profile::LoadOptions lo;
    lo.known_check_ids = golive::builtin_registry().ids();
    lo.known_attestation_ids = golive::provider_checklist("bluum").attestation_ids();
    return lo;
  }();
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto loaded = golive::profile::read_profile(text, "fuzz.yaml", options());
  if (loaded.ok()) {
    golive::Target target;
    target.profile = std::move(loaded.profile);
    try {
      golive::plan_checks(golive::builtin_registry(), target, nullptr, golive::RunOptions{});
    } catch (const golive::ConfigError&) {
      // Bad check options are diagnostics, the expected outcome for most inputs.
    }
  }
  // Literal secrets are registered for redaction; forget them so memory stays flat.
  golive::Redactor::global().clear_for_tests();
  return 0;
}
