#include "profile/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace golive::profile::detail {

namespace {

std::string quote_key(const std::string& key) {
  return "'" + key + "'";
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const Entry* Fields::get(std::string_view key) const {
  for (const auto& e : entries_) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string join(const std::vector<std::string>& words, std::string_view sep) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

std::string unknown_message(std::string_view kind, const std::string& word,
                            const std::vector<std::string>& candidates,
                            std::string_view otherwise) {
  std::string msg = "unknown " + std::string(kind) + " " + quote_key(word);
  if (auto best = did_you_mean(word, candidates); !best.empty()) {
    return msg + "; did you mean " + quote_key(best) + "?";
  }
  if (!otherwise.empty()) msg += "; " + std::string(otherwise);
  return msg;
}

SourceLoc Reader::loc(const YAML::Node& node) const {
  YAML::Mark m = node.Mark();
  if (m.is_null()) return SourceLoc{file_, 0, 0};
  return SourceLoc{file_, m.line + 1, m.column + 1};
}

SourceLoc Reader::value_loc(const Entry& entry) const {
  if (!entry.value.IsDefined() || entry.value.IsNull()) return loc(entry.key_node);
  SourceLoc l = loc(entry.value);
  return l.line > 0 ? l : loc(entry.key_node);
}

void Reader::error(SourceLoc where, std::string message) {
  diagnostics_.push_back(Diagnostic{std::move(where), std::move(message)});
}

void Reader::error(const Entry& entry, std::string message) {
  error(value_loc(entry), std::move(message));
}

std::vector<Diagnostic> Reader::diagnostics() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
  });
  return out;
}

std::optional<std::vector<Entry>> Reader::entries(const Entry& entry) {
  if (!entry.value.IsMap()) {
    error(entry, quote_key(entry.key) + " must be a mapping");
    return std::nullopt;
  }
  std::vector<Entry> out;
  std::set<std::string> seen;
  for (const auto& pair : entry.value) {
    const YAML::Node& k = pair.first;
    if (!k.IsScalar()) {
      error(loc(k), "keys must be plain strings");
      continue;
    }
    std::string key = k.Scalar();
    if (!seen.insert(key).second) {
      error(loc(k), "duplicate key " + quote_key(key));
      continue;
    }
    std::string path = entry.path.empty() ? key : entry.path + "." + key;
    out.push_back(Entry{key, std::move(path), k, pair.second});
  }
  return out;
}

std::optional<Fields> Reader::fields(const Entry& entry, const std::vector<std::string>& allowed,
                                     const std::vector<std::string>& required) {
  auto list = entries(entry);
  if (!list) return std::nullopt;
  std::vector<Entry> kept;
  std::set<std::string> suggested;
  for (auto& e : *list) {
    if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end()) {
      error(key_loc(e),
            unknown_message("key", e.key, allowed, "expected one of: " + join(allowed)));
      suggested.insert(did_you_mean(e.key, allowed));
      continue;
    }
    kept.push_back(std::move(e));
  }
  Fields fields(std::move(kept), std::move(suggested));
  for (const auto& key : required) {
    // A misspelt key already said "did you mean"; "missing" would only repeat it.
    if (fields.get(key) || fields.misspelt(key)) continue;
    std::string msg = "missing required key " + quote_key(key);
    if (!entry.path.empty()) msg += " in " + quote_key(entry.path);
    error(loc(entry.key_node), msg);
  }
  return fields;
}

std::optional<std::string> Reader::string(const Entry& entry) {
  if (entry.value.IsNull() || (entry.value.IsScalar() && entry.value.Scalar().empty())) {
    error(entry, quote_key(entry.key) + " must not be empty");
    return std::nullopt;
  }
  if (!entry.value.IsScalar()) {
    error(entry, quote_key(entry.key) + " must be a string");
    return std::nullopt;
  }
  return entry.value.Scalar();
}

std::optional<int> Reader::integer(const Entry& entry) {
  std::string_view text = entry.value.IsScalar() ? entry.value.Scalar() : std::string_view{};
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  int value = 0;
  if (!is_digits(text)) {
    error(entry, quote_key(entry.key) + " must be an integer");
    return std::nullopt;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    error(entry, quote_key(entry.key) + " is out of range");
    return std::nullopt;
  }
  return negative ? -value : value;
}

std::optional<int> Reader::positive(const Entry& entry) {
  auto v = integer(entry);
  if (v && *v <= 0) {
    error(entry, quote_key(entry.key) + " must be greater than 0");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Reader::boolean(const Entry& entry) {
  if (entry.value.IsScalar()) {
    const std::string& s = entry.value.Scalar();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  error(entry, quote_key(entry.key) + " must be true or false");
  return std::nullopt;
}

std::optional<std::string> Reader::choice(const Entry& entry,
                                          const std::vector<std::string>& choices) {
  auto s = string(entry);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) != choices.end()) return s;
  std::string msg = quote_key(entry.key) + " must be one of " + join(choices, " | ");
  if (auto best = did_you_mean(*s, choices); !best.empty()) {
    msg += "; did you mean " + quote_key(best) + "?";
  }
  error(entry, msg);
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> Reader::date(const Entry& entry) {
  auto s = string(entry);
  if (!s) return std::nullopt;
  const std::string& t = *s;
  bool shape = t.size() == 10 && t[4] == '-' && t[7] == '-' && is_digits(t.substr(0, 4)) &&
               is_digits(t.substr(5, 2)) && is_digits(t.substr(8, 2));
  if (!shape) {
    error(entry, quote_key(entry.key) + " must be a date written YYYY-MM-DD");
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{
      std::chrono::year{std::stoi(t.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(t.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(t.substr(8, 2)))}};
  if (!ymd.ok()) {
    error(entry, quote_key(entry.key) + " is not a calendar date: " + t);
    return std::nullopt;
  }
  return ymd;
}

}  // namespace golive::profile::detail
