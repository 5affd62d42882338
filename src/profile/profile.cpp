#include "profile/profile.hpp"

#include <cctype>

namespace golive::profile {

namespace {

/// Whether one maximal run of ASCII letters and digits reads like a word, not like random text.
bool word_like(std::string_view run) {
  size_t digits = 0, upper = 0, lower = 0;
  for (const char c : run) {
    const auto u = static_cast<unsigned char>(c);
    digits += std::isdigit(u) ? 1 : 0;
    upper += std::isupper(u) ? 1 : 0;
    lower += std::islower(u) ? 1 : 0;
  }
  if (digits == run.size()) return run.size() <= 8;
  const bool one_case = upper == 0 || lower == 0 ||
                        (upper == 1 && std::isupper(static_cast<unsigned char>(run.front())));
  // A word in one case with a digit or two is still a word (BLOCKCHAIN0X, OAUTH2, S3); random
  // text of that length carries more digits, or both cases.
  if (digits <= 2 && one_case) return run.size() <= 24;
  return run.size() <= 10;
}

}  // namespace

bool source_reference_showable(CredentialSource::Kind kind, std::string_view text) {
  if (text.size() > 128) return false;
  if (kind == CredentialSource::Kind::env) {
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text.front()))) return false;
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (!(std::isupper(u) || std::isdigit(u) || c == '_')) return false;
    }
  }
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool alnum = i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]));
    if (alnum) continue;
    if (i > start && !word_like(text.substr(start, i - start))) return false;
    if (i < text.size() && std::iscntrl(static_cast<unsigned char>(text[i]))) return false;
    start = i + 1;
  }
  return true;
}

const std::string& CredentialSource::reference() const {
  static const std::string none;
  switch (kind) {
    case Kind::env:
      return env_var;
    case Kind::file:
      return path;
    case Kind::command:
      return argv.empty() ? none : argv.front();
  }
  return none;
}

bool CredentialSource::shows_reference() const {
  return source_reference_showable(kind, reference());
}

std::string CredentialSource::describe() const {
  static const char* const kNotShown = "(not shown: it looks like a secret value, not a ";
  switch (kind) {
    case Kind::env:
      return shows_reference() ? "env " + env_var
                               : std::string("env ") + kNotShown + "variable name)";
    case Kind::file:
      return shows_reference() ? "file " + path : std::string("file ") + kNotShown + "path)";
    case Kind::command:
      if (argv.empty()) return "command";
      return shows_reference() ? "command " + argv.front()
                               : std::string("command ") + kNotShown + "command name)";
  }
  return "unknown source";
}

SourceLoc Profile::where(const std::string& key) const {
  std::string k = key;
  while (!k.empty()) {
    if (auto it = locations.find(k); it != locations.end()) return it->second;
    size_t dot = k.rfind('.');
    if (dot == std::string::npos) break;
    k.erase(dot);
  }
  return SourceLoc{path, 1, 1};
}

}  // namespace golive::profile
