#include "profile/loader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/file.hpp"
#include "core/yaml_load.hpp"
#include "crypto/digest.hpp"
#include "profile/sections.hpp"
#include "profile/yaml_reader.hpp"

namespace golive::profile {

namespace {

using detail::Entry;
using detail::Reader;

const std::vector<std::string> k_top_level = {
    "version", "provider", "environment", "kind",         "base_url", "credentials", "rehearsal",
    "webhook", "http",     "checks",      "attestations", "waivers",  "audit"};

/// Every mapping key of the document by dotted path (the first occurrence wins).
void record_locations(const Reader& r, const YAML::Node& node, const std::string& prefix,
                      std::map<std::string, SourceLoc>& out) {
  if (!node.IsMap()) return;
  for (const auto& pair : node) {
    if (!pair.first.IsScalar()) continue;
    std::string path = prefix.empty() ? pair.first.Scalar() : prefix + "." + pair.first.Scalar();
    out.emplace(path, r.loc(pair.first));
    record_locations(r, pair.second, path, out);
  }
}

void read_environment(Reader& r, const detail::Fields& f, Profile& p) {
  const Entry* env = f.get("environment");
  const Entry* kind = f.get("kind");
  std::optional<std::string> kind_name;
  if (kind) kind_name = r.choice(*kind, {"sandbox", "production"});
  if (!env) return;
  auto name = r.string(*env);
  if (!name) return;
  p.environment = *name;
  if (*name == "sandbox" || *name == "production") {
    if (kind_name && *kind_name != *name) {
      r.error(*kind, "'kind' " + *kind_name + " contradicts environment '" + *name + "'");
    }
    kind_name = *name;
  } else if (!kind) {
    r.error(*env, "environment '" + *name +
                      "' needs 'kind: sandbox' or 'kind: production' (only the names sandbox "
                      "and production imply their kind)");
  }
  if (kind_name) p.kind = *kind_name == "production" ? EnvKind::production : EnvKind::sandbox;
}

void read_rehearsal(Reader& r, const Entry& e, Profile& p) {
  auto name = r.string(e);
  if (!name) return;
  bool plain = name->front() != '.' && std::all_of(name->begin(), name->end(), [](unsigned char c) {
                 return std::isalnum(c) || c == '-' || c == '_' || c == '.';
               });
  if (!plain) {
    r.error(e,
            "'rehearsal' must be a profile name such as 'sandbox' (config/profiles/NAME.yaml), "
            "not a path");
    return;
  }
  p.rehearsal = *name;
}

void read_top_level(Reader& r, const Entry& root, const LoadOptions& o, Profile& p) {
  auto f = r.fields(root, k_top_level, {"version", "provider", "environment", "base_url"});
  if (!f) return;
  if (const Entry* v = f->get("version")) {
    auto n = r.integer(*v);
    if (n && *n != 1) {
      r.error(*v, "unsupported profile version " + std::to_string(*n) +
                      "; this version of bluum-golive reads version 1");
    }
  }
  if (const Entry* v = f->get("provider")) {
    auto name = r.string(*v);
    const auto& known = o.known_providers;
    if (name && std::find(known.begin(), known.end(), *name) == known.end()) {
      r.error(*v, detail::unknown_message("provider", *name, known,
                                          "known providers: " + detail::join(known)));
    } else if (name) {
      p.provider = *name;
    }
  }
  read_environment(r, *f, p);
  std::optional<std::string> base;
  if (const Entry* v = f->get("base_url")) {
    base = v->value.IsScalar() && v->value.Scalar() == "embedded" ? v->value.Scalar()
                                                                  : detail::read_url(r, *v, false);
    p.base_url = base.value_or("");
  }
  // A section whose entries are all commented out (`waivers:` alone) is the same as none.
  auto section = [&f](const char* key) -> const Entry* {
    const Entry* v = f->get(key);
    return v && !v->value.IsNull() ? v : nullptr;
  };
  const Entry* creds = section("credentials");
  if (creds) detail::read_credentials(r, *creds, p.provider, p);
  bool needs_credentials = base && *base != "embedded" && !f->misspelt("credentials");
  if (needs_credentials && !creds) {
    const Entry* empty = f->get("credentials");
    r.error(empty ? r.key_loc(*empty) : r.loc(root.value),
            empty ? "'credentials' is empty; only an embedded base_url may omit credentials"
                  : "missing required key 'credentials' (only an embedded base_url may omit it)");
  } else if (needs_credentials && creds->value.IsMap() && creds->value.size() == 0) {
    r.error(*creds, "'credentials' is empty; only an embedded base_url may omit credentials");
  }
  if (const Entry* v = f->get("rehearsal")) read_rehearsal(r, *v, p);
  if (const Entry* v = section("webhook")) detail::read_webhook(r, *v, p.provider, p);
  if (const Entry* v = section("http")) detail::read_http(r, *v, p);
  if (const Entry* v = section("audit")) {
    detail::read_audit(r, *v, p);
    if (base && *base != "embedded") {
      r.error(r.key_loc(*v),
              "'audit' runs the provider's reference client against the "
              "embedded emulator only; it needs 'base_url: embedded'");
    }
  }
  if (const Entry* v = section("checks")) detail::read_checks(r, *v, o, p);
  if (const Entry* v = section("attestations")) detail::read_attestations(r, *v, o, p);
  if (const Entry* v = section("waivers")) detail::read_waivers(r, *v, o, p);
}

/// A result naming the file (path, name, hash of its bytes) before anything is read from it.
LoadResult named(const std::string& yaml_text, const std::string& path) {
  LoadResult out;
  out.profile.path = path;
  out.profile.name = std::filesystem::path(path).stem().string();
  out.profile.sha256 = crypto::sha256_hex(yaml_text);
  return out;
}

}  // namespace

LoadResult read_profile(const std::string& yaml_text, const std::string& path,
                        const LoadOptions& options) {
  std::vector<YAML::Node> docs;
  try {
    docs = load_yaml_documents(yaml_text, path);
  } catch (const ConfigError& e) {
    LoadResult out = named(yaml_text, path);
    out.diagnostics = e.diagnostics();
    return out;
  }
  return read_profile(yaml_text, docs, path, options);
}

LoadResult read_profile(const std::string& yaml_text, const std::vector<YAML::Node>& docs,
                        const std::string& path, const LoadOptions& options) {
  LoadResult out = named(yaml_text, path);
  Profile& p = out.profile;
  Reader r(path);
  if (docs.empty() || docs.front().IsNull()) {
    r.error(SourceLoc{path, 1, 1}, "the profile is empty");
  } else if (!docs.front().IsMap()) {
    r.error(r.loc(docs.front()), "a profile must be a mapping of keys to values (key: value)");
  } else {
    const YAML::Node& root = docs.front();
    read_top_level(r, Entry{"", "", root, root}, options, p);
    record_locations(r, root, "", p.locations);
  }
  if (docs.size() > 1) {
    r.error(r.loc(docs[1]),
            "a profile holds one YAML document; this file has " + std::to_string(docs.size()));
  }
  out.diagnostics = r.diagnostics();
  return out;
}

LoadResult read_profile_file(const std::string& path, const LoadOptions& options) {
  auto unreadable = [&](const std::string& why) {
    LoadResult out;
    out.profile.path = path;
    out.diagnostics.push_back(Diagnostic{SourceLoc{path}, "cannot read profile: " + why});
    return out;
  };
  FileText file = read_regular_file(path, k_max_profile_bytes);
  if (!file.ok()) return unreadable(file.error);
  return read_profile(*file.text, path, options);
}

Profile parse_profile(const std::string& yaml_text, const std::string& path,
                      const LoadOptions& options) {
  LoadResult r = read_profile(yaml_text, path, options);
  if (!r.ok()) throw ConfigError(std::move(r.diagnostics));
  return std::move(r.profile);
}

Profile load_profile(const std::string& path, const LoadOptions& options) {
  LoadResult r = read_profile_file(path, options);
  if (!r.ok()) throw ConfigError(std::move(r.diagnostics));
  return std::move(r.profile);
}

}  // namespace golive::profile
