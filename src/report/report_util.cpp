#include "report/report_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/secret.hpp"

namespace golive::report::detail {

namespace {

/// Decodes one UTF-8 sequence at `s[i]`; returns its length, 0 when invalid.
size_t utf8_length(std::string_view s, size_t i, char32_t& cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool allowed(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  if (cp == 0x7F) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t n = utf8_length(text, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
      ++i;
      continue;
    }
    if (allowed(cp)) out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string safe(std::string_view text) {
  return clean_text(redact(text));
}

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md_code(std::string_view text) {
  if (text.empty()) return "";
  std::string out = "`";
  for (char c : text) {
    if (c == '`')
      out += '\'';
    else if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else if (c == '|')
      out += "\\|";
    else
      out += c;
  }
  return out + "`";
}

std::string relative_path(const std::string& path) {
  if (path.empty()) return path;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (p.is_relative()) return p.lexically_normal().generic_string();
  auto cwd = fs::current_path(ec);
  if (ec) return p.generic_string();
  auto rel = p.lexically_relative(cwd);
  if (rel.empty()) return p.generic_string();
  return rel.generic_string();
}

SourceLoc location_of(const RunReport& report, const ResultRow& row) {
  SourceLoc loc = row.configured_at;
  if (loc.file.empty())
    loc.file = row.profile_path.empty() ? report.profile_path : row.profile_path;
  loc.file = relative_path(loc.file);
  if (loc.line < 1) loc.line = 1;
  return loc;
}

std::string row_state(const ResultRow& row) {
  return row.waived ? "waived" : std::string(to_string(row.result.status));
}

bool gating(std::string_view status, bool blocking, bool waived, bool strict) {
  if (waived) return false;
  if (blocking && (status == "fail" || status == "inconclusive")) return true;
  return strict && status == "warn";
}

BaselineMark baseline_mark(const RunReport& report, const ResultRow& row) {
  if (!report.baseline) return BaselineMark::none;
  auto same = [&](const BaselineEntry& e) {
    return e.check_id == row.result.id && e.environment == row.result.environment;
  };
  for (const auto& e : report.baseline->new_failures) {
    if (same(e)) return BaselineMark::new_failure;
  }
  for (const auto& e : report.baseline->unchanged) {
    if (same(e)) return BaselineMark::unchanged;
  }
  return BaselineMark::none;
}

std::string check_group(const std::string& check_id) {
  auto dot = check_id.find('.');
  return dot == std::string::npos ? check_id : check_id.substr(0, dot);
}

std::string evidence_line(const Evidence& e) {
  std::string line = e.label;
  if (!e.expected.empty()) line += ": expected " + e.expected;
  if (!e.observed.empty()) line += (e.expected.empty() ? ": " : ", observed ") + e.observed;
  if (!e.method.empty()) line += fmt::format(" [{} {}", e.method, e.url);
  if (e.status) line += fmt::format(" → {}", e.status);
  if (!e.request_id.empty()) line += " X-Request-Id " + e.request_id;
  if (e.latency_ms) line += fmt::format(" {:.0f} ms", *e.latency_ms);
  if (!e.method.empty()) line += "]";
  return line;
}

std::vector<RequestIdRef> request_ids(const RunReport& report) {
  std::vector<RequestIdRef> out;
  std::set<std::string> seen;
  for (const auto& row : report.rows) {
    for (const auto& e : row.result.evidence) {
      if (e.request_id.empty() || !seen.insert(e.request_id).second) continue;
      out.push_back({e.request_id, row.result.id, row.result.environment, e.label});
    }
  }
  return out;
}

std::string item_counts(const RunReport& report) {
  std::vector<std::string> parts;
  for (const auto state : kItemStates) {
    const auto n = std::count_if(report.items.begin(), report.items.end(),
                                 [&](const ItemResult& i) { return i.state == state; });
    parts.push_back(fmt::format("{} {}", n, to_string(state)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

Tally tally(const RunReport& report) {
  Tally t;
  for (const auto& row : report.rows) {
    if (row.waived) {
      ++t.waived;
      continue;
    }
    switch (row.result.status) {
      case Status::pass:
        ++t.pass;
        break;
      case Status::warn:
        ++t.warn;
        break;
      case Status::fail:
        ++t.fail;
        break;
      case Status::inconclusive:
        ++t.inconclusive;
        break;
      case Status::skip:
        ++t.skip;
        break;
    }
  }
  return t;
}

}  // namespace golive::report::detail
