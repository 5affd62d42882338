#include "engine/checklist.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/diagnostic.hpp"
#include "core/yaml_load.hpp"
#include "profile/yaml_reader.hpp"

namespace golive {

namespace {
void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}
}  // namespace

std::vector<std::string> Checklist::attestation_ids() const {
  std::vector<std::string> out;
  for (const auto& s : sections)
    for (const auto& i : s.items)
      for (const auto& a : i.attestations) add_unique(out, a);
  return out;
}

std::vector<std::string> Checklist::check_ids() const {
  std::vector<std::string> out;
  for (const auto& s : sections)
    for (const auto& i : s.items)
      for (const auto& c : i.checks) add_unique(out, c);
  return out;
}

std::vector<std::string> Checklist::items_for_check(const std::string& check_id) const {
  std::vector<std::string> out;
  for (const auto& s : sections)
    for (const auto& i : s.items)
      if (std::find(i.checks.begin(), i.checks.end(), check_id) != i.checks.end())
        out.push_back(i.id);
  return out;
}

namespace {

using profile::detail::Entry;
using profile::detail::Reader;

std::vector<std::string> id_list(Reader& r, const Entry& e) {
  std::vector<std::string> out;
  if (!e.value.IsSequence()) {
    r.error(e, "'" + e.key + "' must be a list of ids");
    return out;
  }
  for (const auto& n : e.value) {
    if (!n.IsScalar() || n.Scalar().empty()) {
      r.error(r.loc(n), "'" + e.key + "' entries must be non-empty ids");
      continue;
    }
    out.push_back(n.Scalar());
  }
  return out;
}

void read_item(Reader& r, const Entry& e, const std::string& section_doc, ChecklistSection& s) {
  auto f =
      r.fields(e, {"id", "text", "doc", "checks", "attestations", "client_grades"}, {"id", "text"});
  if (!f) return;
  ChecklistItem i;
  if (const Entry* v = f->get("id")) i.id = r.string(*v).value_or("");
  if (const Entry* v = f->get("text")) i.text = r.string(*v).value_or("");
  i.doc = section_doc;
  if (const Entry* v = f->get("doc")) i.doc = r.string(*v).value_or(section_doc);
  if (const Entry* v = f->get("checks")) i.checks = id_list(r, *v);
  if (const Entry* v = f->get("attestations")) i.attestations = id_list(r, *v);
  // The item's client grades: `client_grades` (each one of its checks), else its client.* checks.
  if (const Entry* v = f->get("client_grades")) {
    i.client_grades = id_list(r, *v);
    for (const auto& id : i.client_grades) {
      if (std::find(i.checks.begin(), i.checks.end(), id) == i.checks.end()) {
        r.error(*v, "client_grades names '" + id + "', which is not in checks");
      }
    }
  } else {
    for (const auto& id : i.checks) {
      if (id.rfind("client.", 0) == 0) i.client_grades.push_back(id);
    }
  }
  if (i.checks.empty() && i.attestations.empty()) {
    r.error(e, "item '" + i.id + "' names no check and no attestation");
  }
  s.items.push_back(std::move(i));
}

void read_section(Reader& r, const Entry& e, int number, Checklist& c) {
  auto f = r.fields(e, {"id", "title", "doc", "items"}, {"id", "title", "items"});
  if (!f) return;
  ChecklistSection s;
  s.number = number;
  if (const Entry* v = f->get("id")) s.id = r.string(*v).value_or("");
  if (const Entry* v = f->get("title")) s.title = r.string(*v).value_or("");
  if (const Entry* v = f->get("doc")) s.doc = r.string(*v).value_or("");
  if (const Entry* v = f->get("items")) {
    if (!v->value.IsSequence()) {
      r.error(*v, "'items' must be a list");
    } else {
      size_t k = 0;
      for (const auto& n : v->value) {
        read_item(r, Entry{"items", v->path + "." + std::to_string(k++), n, n}, s.doc, s);
      }
    }
  }
  c.sections.push_back(std::move(s));
}

}  // namespace

Checklist parse_checklist(const std::string& text, const std::string& source) {
  // Bounded: no alias cycle, no "billion laughs" (core/yaml_load.hpp).
  return parse_checklist(load_yaml_documents(text, source), source);
}

Checklist parse_checklist(const std::vector<YAML::Node>& docs, const std::string& source) {
  Reader r(source);
  const YAML::Node root = docs.empty() ? YAML::Node() : docs.front();
  Checklist c;
  if (!root.IsMap()) {
    r.error(SourceLoc{source, 1, 1}, "a checklist must be a mapping of keys to values");
    throw ConfigError(r.diagnostics());
  }
  const Entry top{"", "", root, root};
  auto f = r.fields(top, {"version", "provider", "title", "source", "sections"},
                    {"version", "provider", "title", "sections"});
  if (f) {
    if (const Entry* v = f->get("version")) {
      if (auto n = r.integer(*v); n && *n != 1) r.error(*v, "unsupported checklist version");
    }
    if (const Entry* v = f->get("provider")) c.provider = r.string(*v).value_or("");
    if (const Entry* v = f->get("title")) c.title = r.string(*v).value_or("");
    if (const Entry* v = f->get("source")) c.source = r.string(*v).value_or("");
    if (const Entry* v = f->get("sections")) {
      if (!v->value.IsSequence()) {
        r.error(*v, "'sections' must be a list");
      } else {
        int number = 0;
        size_t k = 0;
        for (const auto& n : v->value) {
          read_section(r, Entry{"sections", "sections." + std::to_string(k++), n, n}, ++number, c);
        }
      }
    }
  }
  if (r.has_errors()) throw ConfigError(r.diagnostics());
  return c;
}

}  // namespace golive
