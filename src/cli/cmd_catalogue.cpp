// `list`, `explain` and `--version`: the check catalogue and what the tool carries.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "core/diagnostic.hpp"
#include "core/exit_codes.hpp"
#include "engine/checklist.hpp"
#include "engine/packs.hpp"
#include "engine/registry.hpp"

namespace golive::cli {

namespace {

std::string envs(const CheckInfo& i) {
  if (i.environments.empty()) return "any";
  std::vector<std::string> v;
  for (auto k : i.environments) v.emplace_back(to_string(k));
  return fmt::format("{}", fmt::join(v, ","));
}

/// Checklist items (section. title — text (id)) of `provider` that name `id`.
std::vector<std::string> items_naming(const std::string& provider, const std::string& id) {
  std::vector<std::string> out;
  const Checklist& checklist = provider_checklist(provider);
  for (const auto& s : checklist.sections)
    for (const auto& item : s.items)
      if (std::find(item.checks.begin(), item.checks.end(), id) != item.checks.end())
        out.push_back(fmt::format("{}. {} — {} ({})", s.number, s.title, item.text, item.id));
  return out;
}

/// "every provider" or "bluum, blockchain0x".
std::string owners(const CheckInfo& i) {
  return i.providers.empty() ? std::string("every provider")
                             : fmt::format("{}", fmt::join(i.providers, ", "));
}

/// The entries to list: those `provider` runs, or every entry when empty.
std::vector<const CheckEntry*> listed(const Registry& reg, const std::string& provider) {
  if (!provider.empty()) return reg.entries_for(provider_pack(provider));
  std::vector<const CheckEntry*> out;
  for (const auto& e : reg.entries()) out.push_back(&e);
  return out;
}

}  // namespace

std::string version_text() {
  return fmt::format("bluum-golive {}\nprovider packs: {}", GOLIVE_VERSION, pack_versions());
}

int run_list(const std::string& format, const std::string& provider) {
  const auto& reg = builtin_registry();
  std::vector<const CheckEntry*> entries;
  try {
    entries = listed(reg, provider);
  } catch (const ConfigError& e) {
    return usage_error({std::string("list: ") + e.what()});
  }
  if (format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const CheckEntry* e : entries) {
      const auto& i = e->info;
      std::vector<std::string> kinds;
      for (auto k : i.environments) kinds.emplace_back(to_string(k));
      j.push_back({{"id", i.id},
                   {"title", i.title},
                   {"side_effect", std::string(to_string(i.side_effect))},
                   {"blocking", i.blocking},
                   {"environments", kinds},
                   {"checklist_items", i.checklist_items},
                   {"providers", i.providers},
                   {"doc", i.doc}});
    }
    std::cout << j.dump(2) << '\n';
  } else if (format == "markdown") {
    std::cout << "| id | title | side effect | environments | providers | checklist items |\n"
                 "|---|---|---|---|---|---|\n";
    for (const CheckEntry* e : entries) {
      const auto& i = e->info;
      std::cout << fmt::format("| [`{}`]({}) | {} | {} | {} | {} | {} |\n", i.id, i.doc, i.title,
                               to_string(i.side_effect), envs(i), owners(i),
                               fmt::join(i.checklist_items, ", "));
    }
  } else {
    for (const CheckEntry* e : entries) {
      const auto& i = e->info;
      std::cout << fmt::format(
          "{:<36} {:<16} {:<11} {:<14} {}\n", i.id, to_string(i.side_effect), envs(i),
          i.providers.empty() ? "*" : fmt::format("{}", fmt::join(i.providers, ",")), i.title);
    }
  }
  return exit_code::ready;
}

int run_explain(const std::string& id, const std::string& provider) {
  const auto& reg = builtin_registry();
  std::vector<const CheckEntry*> matches;
  try {
    if (!provider.empty()) {
      reg.require(id, "explain", &provider_pack(provider));
      matches.push_back(reg.find(id, provider_pack(provider)));
    } else {
      for (const auto& e : reg.entries()) {
        if (e.info.id == id) matches.push_back(&e);
      }
    }
  } catch (const ConfigError& e) {
    return usage_error({std::string("explain: ") + e.what()});
  }
  if (matches.empty()) {
    std::string msg = "explain: unknown check id '" + id + "'";
    if (auto s = did_you_mean(id, reg.ids()); !s.empty()) msg += "; did you mean '" + s + "'?";
    return usage_error({msg});
  }
  for (size_t k = 0; k < matches.size(); ++k) {
    const auto& i = matches[k]->info;
    if (k > 0) std::cout << "\n---\n\n";
    std::cout << fmt::format("{} — {}\n\n", i.id, i.title);
    std::cout << fmt::format("What:  {}\nWhy:   {}\nFix:   {}\n\n", i.what, i.why, i.how_to_fix);
    std::cout << fmt::format("Side effect: {}   Blocking: {}   Environments: {}   Providers: {}\n",
                             to_string(i.side_effect), i.blocking ? "yes" : "no (advisory)",
                             envs(i), owners(i));
    if (!i.prerequisites.empty()) {
      std::cout << fmt::format("Needs: {} in the same run (the runner runs it first)\n",
                               fmt::join(i.prerequisites, ", "));
    }
    // The checklist items it proves, for each provider that runs it.
    for (const auto& name : pack_names()) {
      if (!provider.empty() && name != provider) continue;
      if (reg.find(id, provider_pack(name)) != matches[k]) continue;
      auto items = items_naming(name, id);
      if (items.empty()) continue;
      std::cout << "Checklist (" << name << "):\n";
      for (const auto& s : items) std::cout << "  " << s << '\n';
    }
    std::cout << fmt::format("Doc: {}\n", i.doc);
  }
  return exit_code::ready;
}

}  // namespace golive::cli
