#include "profile/sections.hpp"

#include <algorithm>
#include <cctype>

#include "core/secret.hpp"
#include "net/url.hpp"

namespace golive::profile::detail {

namespace {

/// "BLUUM_API_KEY" from provider "bluum" and hint "api_key".
std::string env_hint(const std::string& provider, const std::string& hint) {
  std::string out = (provider.empty() ? std::string("BLUUM") : provider) + "_" + hint;
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  });
  return out;
}

bool env_name(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::optional<std::vector<std::string>> read_argv(Reader& r, const Entry& e) {
  if (!e.value.IsSequence()) {
    r.error(e,
            "'command' must be a list of arguments such as [vault, read, -field=key, "
            "secret/bluum]; it is run without a shell");
    return std::nullopt;
  }
  if (e.value.size() == 0) {
    r.error(e, "'command' must not be empty");
    return std::nullopt;
  }
  std::vector<std::string> argv;
  for (const auto& arg : e.value) {
    if (!arg.IsScalar() || arg.Scalar().empty()) {
      r.error(r.loc(arg).line > 0 ? r.loc(arg) : r.value_loc(e),
              "'command' arguments must be non-empty strings");
      return std::nullopt;
    }
    argv.push_back(arg.Scalar());
  }
  return argv;
}

void read_custom(Reader& r, const Entry& e, WebhookConfig& w) {
  auto f = r.fields(e,
                    {"signature_header", "timestamp_header", "id_header", "signed_template",
                     "signature_prefix", "key_encoding", "key_prefix", "digest", "tolerance"},
                    {"signature_header", "signed_template"});
  if (!f) return;
  for (const auto& field : f->all()) {
    if (field.key == "key_encoding") {
      r.choice(field, {"raw", "base64"});
    } else if (field.key == "digest") {
      r.choice(field, {"hex", "base64"});
    } else if (field.key == "tolerance") {
      r.choice(field, {"two_sided", "past_only"});
    } else if (field.key == "signature_prefix" || field.key == "key_prefix") {
      // May be empty: no prefix.
      if (!field.value.IsNull() && !field.value.IsScalar()) {
        r.error(field, "'" + field.key + "' must be a string");
      }
    } else {
      r.string(field);
    }
  }
  w.custom = e.value;
}

}  // namespace

std::optional<CredentialSource> read_source(Reader& r, const Entry& e, const std::string& provider,
                                            const std::string& hint) {
  std::string example = "{env: " + env_hint(provider, hint) + "}";
  if (e.value.IsScalar() && !e.value.Scalar().empty()) {
    Redactor::global().add(e.value.Scalar());
    const std::string why =
        ": a literal value is not allowed here; secrets must come from a "
        "source such as ";
    r.error(e, e.path + why + example + " (SPEC §4.1)");
    return std::nullopt;
  }
  if (!e.value.IsMap()) {
    const std::string others = ", {file: PATH} or {command: [ARGV...]}";
    r.error(e, e.path + ": expected a source such as " + example + others);
    return std::nullopt;
  }
  auto f = r.fields(e, {"env", "file", "command", "timeout_s"}, {});
  if (!f) return std::nullopt;
  int kinds = (f->get("env") ? 1 : 0) + (f->get("file") ? 1 : 0) + (f->get("command") ? 1 : 0);
  bool misspelt = f->misspelt("env") || f->misspelt("file") || f->misspelt("command");
  if (kinds == 0 && misspelt) return std::nullopt;  // "did you mean" already said it
  if (kinds != 1) {
    r.error(r.key_loc(e),
            e.path + (kinds == 0 ? ": expected exactly one of env, file or command"
                                 : ": only one of env, file or command may be given"));
    return std::nullopt;
  }
  CredentialSource src;
  src.loc = r.key_loc(e);
  bool ok = true;
  if (const Entry* env = f->get("env")) {
    src.kind = CredentialSource::Kind::env;
    src.env_var = r.string(*env).value_or("");
    ok = !src.env_var.empty();
    if (ok && !env_name(src.env_var)) {
      if (!source_reference_showable(CredentialSource::Kind::file, src.env_var)) {
        Redactor::global().add(src.env_var);  // not a name: perhaps a pasted secret
      }
      r.error(*env,
              "'env' must be an environment variable name (letters, digits and '_', not "
              "starting with a digit)");
      ok = false;
    }
  } else if (const Entry* file = f->get("file")) {
    src.kind = CredentialSource::Kind::file;
    auto path = r.string(*file);
    ok = path.has_value();
    src.path = path.value_or("");
  } else if (const Entry* cmd = f->get("command")) {
    src.kind = CredentialSource::Kind::command;
    auto argv = read_argv(r, *cmd);
    ok = argv.has_value();
    src.argv = argv.value_or(std::vector<std::string>{});
  }
  if (const Entry* t = f->get("timeout_s")) {
    if (src.kind != CredentialSource::Kind::command) {
      r.error(r.key_loc(*t), "'timeout_s' applies only to a command source");
      ok = false;
    } else if (auto v = r.positive(*t)) {
      src.timeout_s = *v;
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  // A name or path that looks like a secret may be one: mask it wherever it might appear.
  if (!src.shows_reference()) Redactor::global().add(src.reference());
  return src;
}

void read_credentials(Reader& r, const Entry& e, const std::string& provider, Profile& p) {
  auto list = r.entries(e);
  if (!list) return;
  for (const auto& c : *list) {
    if (auto src = read_source(r, c, provider, c.key)) p.credentials[c.key] = *src;
  }
}

std::optional<std::string> read_url(Reader& r, const Entry& e, bool allow_query) {
  auto text = r.string(e);
  if (!text) return std::nullopt;
  const auto parsed = net::parse_url(*text);
  const auto& url = parsed.url;
  std::string name = "'" + e.key + "'";
  if (!url) {
    r.error(e, name + " is not a valid http(s) URL: " + parsed.error);
  } else if (url->has_userinfo) {
    r.error(e, name + " must not contain credentials (user:password@); use a credential source");
  } else if (url->has_fragment) {
    r.error(e, name + " must not have a #fragment");
  } else if (url->has_query && !allow_query) {
    r.error(e, name + " must not have a ?query");
  } else {
    return text;
  }
  return std::nullopt;
}

void read_webhook(Reader& r, const Entry& e, const std::string& provider, Profile& p) {
  // With an embedded base_url the run generates a throwaway secret, and `url: embedded` names
  // the built-in reference receiver.
  std::vector<std::string> required{"url"};
  if (!p.embedded()) required.push_back("secret");
  auto f = r.fields(e, {"url", "secret", "scheme", "tolerance_s", "response_budget_s", "custom"},
                    required);
  if (!f) return;
  WebhookConfig w;
  w.loc = r.key_loc(e);
  if (const Entry* u = f->get("url")) {
    if (u->value.IsScalar() && u->value.Scalar() == "embedded") {
      if (p.embedded()) {
        w.url = "embedded";
      } else {
        r.error(*u, "'url' may be embedded only when base_url is embedded");
      }
    } else {
      w.url = read_url(r, *u, true).value_or("");
    }
  }
  if (const Entry* s = f->get("secret")) w.secret = read_source(r, *s, provider, "webhook_secret");
  if (const Entry* s = f->get("scheme")) {
    w.scheme = r.choice(*s, {"standard", "stripe", "blockchain0x", "custom"}).value_or("");
  }
  if (const Entry* t = f->get("tolerance_s")) w.tolerance_s = r.positive(*t).value_or(0);
  if (const Entry* t = f->get("response_budget_s")) {
    w.response_budget_s = r.positive(*t).value_or(0);
  }
  const Entry* custom = f->get("custom");
  if (w.scheme == "custom" && !custom) {
    r.error(r.key_loc(e), "missing required key 'custom' in 'webhook' (scheme is custom)");
  } else if (custom && w.scheme != "custom" && !w.scheme.empty()) {
    r.error(r.key_loc(*custom), "'custom' applies only when scheme is custom");
  } else if (custom) {
    read_custom(r, *custom, w);
  }
  p.webhook = std::move(w);
}

void read_http(Reader& r, const Entry& e, Profile& p) {
  auto f = r.fields(e, {"timeout_s", "max_attempts", "backoff_base_ms", "backoff_cap_ms"}, {});
  if (!f) return;
  const std::pair<const char*, int*> ints[] = {{"timeout_s", &p.http.timeout_s},
                                               {"max_attempts", &p.http.max_attempts},
                                               {"backoff_base_ms", &p.http.backoff_base_ms},
                                               {"backoff_cap_ms", &p.http.backoff_cap_ms}};
  bool ok = true;
  for (const auto& [key, out] : ints) {
    const Entry* v = f->get(key);
    if (!v) continue;
    auto n = r.positive(*v);
    ok = ok && n.has_value();
    *out = n.value_or(*out);
  }
  if (ok && p.http.backoff_cap_ms < p.http.backoff_base_ms) {
    if (const Entry* cap = f->get("backoff_cap_ms")) {
      r.error(*cap, "'backoff_cap_ms' must be at least 'backoff_base_ms'");
    } else {
      r.error(*f->get("backoff_base_ms"),
              "'backoff_base_ms' must be at most 'backoff_cap_ms' (8000 by default)");
    }
  }
}

void read_audit(Reader& r, const Entry& e, Profile& p) {
  AuditConfig a;
  a.loc = r.key_loc(e);
  auto f = r.fields(e, {"client", "schedule", "seed", "timeout_s"}, {"client"});
  if (!f) return;
  if (const Entry* v = f->get("client")) a.client = r.choice(*v, {"reference"}).value_or("");
  if (const Entry* v = f->get("schedule")) a.schedule = r.string(*v).value_or("");
  if (const Entry* v = f->get("seed")) a.seed = r.integer(*v).value_or(a.seed);
  if (const Entry* v = f->get("timeout_s")) a.timeout_s = r.positive(*v).value_or(a.timeout_s);
  p.audit = a;
}

void read_checks(Reader& r, const Entry& e, const LoadOptions& o, Profile& p) {
  auto list = r.entries(e);
  if (!list) return;
  for (const auto& c : *list) {
    const auto& known = o.known_check_ids;
    if (std::find(known.begin(), known.end(), c.key) == known.end()) {
      r.error(r.key_loc(c), unknown_message("check id", c.key, known,
                                            "run 'bluum-golive list' to see every check id"));
      continue;
    }
    CheckConfig cfg{c.key, true, c.value, r.key_loc(c)};
    if (!c.value.IsNull()) {
      auto options = r.entries(c);
      if (!options) continue;
      for (const auto& opt : *options) {
        if (opt.key == "enabled") cfg.enabled = r.boolean(opt).value_or(true);
      }
    }
    p.checks[c.key] = std::move(cfg);
  }
}

}  // namespace golive::profile::detail
