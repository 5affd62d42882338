// errors.template and errors.injected: reading them (pack loader) and writing an error body in
// the vendor's envelope (error_body, for the audit proxy).
#include "engine/provider_errors.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "engine/provider_api.hpp"

namespace golive {

namespace {

using nlohmann::json;
using profile::detail::Entry;
using profile::detail::Reader;

const std::vector<std::string> k_placeholders = {"code",       "message",  "type",
                                                 "request_id", "trace_id", "status"};

/// The value of placeholder `name` in `a`.
std::string value_of(const ErrorAnswer& a, const std::string& name) {
  if (name == "code") return a.code;
  if (name == "message") return a.message;
  if (name == "type") return a.type;
  if (name == "request_id") return a.request_id;
  if (name == "trace_id") return a.trace_id;
  return std::to_string(a.status);
}

/// Fills the placeholders of every string in `node`; drops members whose whole value was one
/// empty placeholder.
void fill(json& node, const ErrorAnswer& a) {
  if (node.is_object() || node.is_array()) {
    for (auto it = node.begin(); it != node.end();) {
      fill(*it, a);
      if (it->is_discarded()) {
        it = node.erase(it);
      } else {
        ++it;
      }
    }
    return;
  }
  if (!node.is_string()) return;
  std::string s = node.get<std::string>();
  if (s == "{status}") {
    node = a.status;
    return;
  }
  for (const auto& name : k_placeholders) {
    if (s == "{" + name + "}" && value_of(a, name).empty()) {
      node = json(json::value_t::discarded);
      return;
    }
  }
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& name : k_placeholders) {
      const std::string token = "{" + name + "}";
      if (s.compare(i, token.size(), token) == 0) {
        out += value_of(a, name);
        i += token.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  node = out;
}

/// Sets `body` at the first of `pointers` (nothing when there is none or it does not fit).
void put(json& body, const std::vector<std::string>& pointers, const std::string& value) {
  if (pointers.empty() || value.empty()) return;
  try {
    body[json::json_pointer(pointers.front())] = value;
  } catch (const json::exception&) {
    // A pointer that cannot be created in this body: the part is left out.
  }
}

/// YAML → JSON: mappings and sequences kept, every scalar a string.
std::optional<json> to_json(Reader& r, const YAML::Node& n) {
  if (n.IsMap()) {
    json out = json::object();
    for (const auto& kv : n) {
      auto v = to_json(r, kv.second);
      if (!v) return std::nullopt;
      out[kv.first.Scalar()] = std::move(*v);
    }
    return out;
  }
  if (n.IsSequence()) {
    json out = json::array();
    for (const auto& item : n) {
      auto v = to_json(r, item);
      if (!v) return std::nullopt;
      out.push_back(std::move(*v));
    }
    return out;
  }
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    for (size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
      const size_t close = s.find('}', open);
      if (close == std::string::npos) break;
      const std::string name = s.substr(open + 1, close - open - 1);
      if (std::find(k_placeholders.begin(), k_placeholders.end(), name) == k_placeholders.end()) {
        r.error(r.loc(n), fmt::format("unknown placeholder '{{{}}}' in 'template' (known: {{{}}})",
                                      name, fmt::join(k_placeholders, "} {")));
        return std::nullopt;
      }
    }
    return json(s);
  }
  r.error(r.loc(n), "'template' values must be strings, mappings or lists");
  return std::nullopt;
}

void read_injected(Reader& r, const Entry& e, ProviderPack& p) {
  auto entries = r.entries(e);
  if (!entries) return;
  for (const auto& kv : *entries) {
    int status = 0;
    try {
      status = std::stoi(kv.key);
    } catch (const std::exception&) {
      status = 0;
    }
    if (status < 400 || status > 599 || std::to_string(status) != kv.key) {
      r.error(r.key_loc(kv),
              "'injected' keys must be HTTP error statuses (400-599), not '" + kv.key + "'");
      continue;
    }
    InjectedError inj;
    if (kv.value.IsScalar()) {
      inj.code = r.string(kv).value_or("");
    } else if (auto f = r.fields(kv, {"code", "type", "message"}, {"code"})) {
      if (const Entry* v = f->get("code")) inj.code = r.string(*v).value_or("");
      if (const Entry* v = f->get("type")) inj.type = r.string(*v).value_or("");
      if (const Entry* v = f->get("message")) inj.message = r.string(*v).value_or("");
    }
    if (!inj.code.empty()) p.errors.injected[status] = std::move(inj);
  }
}

}  // namespace

json error_body(const ProviderPack& pack, const ErrorAnswer& a) {
  const auto& s = pack.errors;
  if (!s.envelope.empty()) {
    json body = json::parse(s.envelope, nullptr, false);
    if (!body.is_discarded()) {
      fill(body, a);
      return body;
    }
  }
  json body = json::object();
  put(body, s.code, a.code);
  put(body, s.message, a.message);
  put(body, s.type, a.type);
  put(body, s.request_id.empty() ? pack.request_id.body : s.request_id, a.request_id);
  return body;
}

namespace detail {

void read_error_answers(Reader& r, const profile::detail::Fields& errors, ProviderPack& p) {
  if (const Entry* v = errors.get("template")) {
    if (!v->value.IsMap()) {
      r.error(*v, "'template' must be a mapping: the vendor's error body with placeholders");
    } else if (auto j = to_json(r, v->value)) {
      if (j->dump().find("{code}") == std::string::npos) {
        r.error(*v, "'template' must place {code} somewhere");
      } else {
        p.errors.envelope = j->dump();
      }
    }
  }
  if (const Entry* v = errors.get("injected")) read_injected(r, *v, p);
}

void check_error_answers(Reader& r, const Entry& errors, const ProviderPack& p) {
  const auto& s = p.errors;
  std::optional<std::regex> pattern;
  if (!s.code_pattern.empty()) pattern.emplace(s.code_pattern);
  for (const auto& [status, inj] : s.injected) {
    std::smatch m;
    if (pattern && !std::regex_match(inj.code, m, *pattern)) {
      r.error(errors,
              fmt::format("'injected' {}: {} does not match 'code_pattern'", status, inj.code));
      continue;
    }
    if (pattern && s.code_status_group > 0 && static_cast<size_t>(s.code_status_group) < m.size() &&
        m[static_cast<size_t>(s.code_status_group)].str() != std::to_string(status)) {
      r.error(errors,
              fmt::format("'injected' {}: {} is a code of status {}, not {}", status, inj.code,
                          m[static_cast<size_t>(s.code_status_group)].str(), status));
    }
    ErrorAnswer sample{status, inj.code, "sample message", inj.type, "req_sample", "trace_sample"};
    const ApiError back = read_api_error(p, error_body(p, sample));
    if (back.code != inj.code) {
      r.error(errors, fmt::format("'injected' {}: the body the audit would answer does not carry "
                                  "{} where 'code' looks (fix 'template' or 'code')",
                                  status, inj.code));
    }
  }
}

}  // namespace detail

}  // namespace golive
