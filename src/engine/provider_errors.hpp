#pragma once
/// Internal to the pack loader (provider_loader.cpp): `errors.template` and `errors.injected`,
/// what the audit proxy answers when it injects a fault (providers/README.md, docs/audit.md).
#include "engine/provider.hpp"
#include "profile/yaml_reader.hpp"

namespace golive::detail {

/// Reads `template` and `injected` of the `errors` mapping into `p.errors`; every problem is
/// reported through `r` at the offending node.
void read_error_answers(profile::detail::Reader& r, const profile::detail::Fields& errors,
                        ProviderPack& p);

/// Once the whole pack is read: every injected code follows `code_pattern` (and its status
/// group is the status it answers), and the body the proxy would write is read back by the
/// pack's own pointers. Problems are reported at `errors`.
void check_error_answers(profile::detail::Reader& r, const profile::detail::Entry& errors,
                         const ProviderPack& p);

}  // namespace golive::detail
