// `list`, `explain` and `--version`: the check catalogue and what the tool carries.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "core/diagnostic.hpp"
#include "core/exit_codes.hpp"
#include "engine/checklist.hpp"
#include "engine/provider.hpp"
#include "engine/registry.hpp"

namespace golive::cli {

namespace {

std::string envs(const CheckInfo& i) {
  if (i.environments.empty()) return "any";
  std::vector<std::string> v;
  for (auto k : i.environments) v.emplace_back(to_string(k));
  return fmt::format("{}", fmt::join(v, ","));
}

/// Checklist items (id: text) that name `id`, or an empty list when the checklist is unreadable.
std::vector<std::string> items_naming(const std::string& id) {
  std::vector<std::string> out;
  try {
    auto checklist = load_checklist(load_provider("bluum").checklist);
    for (const auto& s : checklist.sections)
      for (const auto& item : s.items)
        if (std::find(item.checks.begin(), item.checks.end(), id) != item.checks.end())
          out.push_back(fmt::format("{}. {} — {} ({})", s.number, s.title, item.text, item.id));
  } catch (const ConfigError&) {
  }
  return out;
}

}  // namespace

std::string version_text() {
  std::vector<std::string> packs;
  for (const auto& name : provider_names()) {
    try {
      auto pack = load_provider(name);
      packs.push_back(pack.version.empty() ? name : name + " " + pack.version);
    } catch (const ConfigError&) {
      packs.push_back(name + " (unreadable)");
    }
  }
  return fmt::format("bluum-golive {}\nprovider packs: {}", GOLIVE_VERSION, fmt::join(packs, ", "));
}

int run_list(const std::string& format) {
  const auto& reg = builtin_registry();
  if (format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& e : reg.entries()) {
      const auto& i = e.info;
      std::vector<std::string> kinds;
      for (auto k : i.environments) kinds.emplace_back(to_string(k));
      j.push_back({{"id", i.id},
                   {"title", i.title},
                   {"side_effect", std::string(to_string(i.side_effect))},
                   {"blocking", i.blocking},
                   {"environments", kinds},
                   {"checklist_items", i.checklist_items},
                   {"doc", i.doc}});
    }
    std::cout << j.dump(2) << '\n';
  } else if (format == "markdown") {
    std::cout << "| id | title | side effect | environments | checklist items |\n"
                 "|---|---|---|---|---|\n";
    for (const auto& e : reg.entries()) {
      const auto& i = e.info;
      std::cout << fmt::format("| [`{}`]({}) | {} | {} | {} | {} |\n", i.id, i.doc, i.title,
                               to_string(i.side_effect), envs(i),
                               fmt::join(i.checklist_items, ", "));
    }
  } else {
    for (const auto& e : reg.entries()) {
      const auto& i = e.info;
      std::cout << fmt::format("{:<36} {:<16} {:<11} {}\n", i.id, to_string(i.side_effect), envs(i),
                               i.title);
    }
  }
  return exit_code::ready;
}

int run_explain(const std::string& id) {
  const auto& reg = builtin_registry();
  const CheckEntry* e = reg.find(id);
  if (!e) {
    std::string msg = "explain: unknown check id '" + id + "'";
    if (auto s = did_you_mean(id, reg.ids()); !s.empty()) msg += "; did you mean '" + s + "'?";
    return usage_error({msg});
  }
  const auto& i = e->info;
  std::cout << fmt::format("{} — {}\n\n", i.id, i.title);
  std::cout << fmt::format("What:  {}\nWhy:   {}\nFix:   {}\n\n", i.what, i.why, i.how_to_fix);
  std::cout << fmt::format("Side effect: {}   Blocking: {}   Environments: {}\n",
                           to_string(i.side_effect), i.blocking ? "yes" : "no (advisory)", envs(i));
  if (!i.prerequisites.empty()) {
    std::cout << fmt::format("Needs: {} in the same run (the runner runs it first)\n",
                             fmt::join(i.prerequisites, ", "));
  }
  auto items = items_naming(id);
  if (!items.empty()) {
    std::cout << "Checklist:\n";
    for (const auto& s : items) std::cout << "  " << s << '\n';
  }
  std::cout << fmt::format("Doc: {}\n", i.doc);
  return exit_code::ready;
}

}  // namespace golive::cli
