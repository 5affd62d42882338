#pragma once
/// Locations in user input and the errors reported against them (FILE:LINE:COL: message).
#include <stdexcept>
#include <string>
#include <vector>

namespace golive {

/// A position in a file; line and col are 1-based, 0 when unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
  /// "file:line:col", "file:line" or "file" depending on what is known.
  std::string str() const;
};

/// One problem with user input.
struct Diagnostic {
  SourceLoc loc;
  std::string message;
  /// "FILE:LINE:COL: message".
  std::string str() const { return loc.str() + ": " + message; }
};

/// Thrown for user-input errors (profile, options, flags): exit code 2, nothing sent.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<Diagnostic> diagnostics);
  ConfigError(SourceLoc loc, const std::string& message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Levenshtein-based suggestion: the candidate closest to `word` if close enough, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace golive
