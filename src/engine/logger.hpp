#pragma once
/// Verbose/diagnostic logging to stderr. Every line goes through golive::redact() first.
#include <mutex>
#include <ostream>
#include <string_view>

namespace golive {

/// Levels: 0 quiet (-q), 1 normal, 2 verbose (-v).
class Logger {
 public:
  explicit Logger(std::ostream& out, int level = 1) : out_(out), level_(level) {}
  int level() const { return level_; }
  /// Prints at verbose level only.
  void debug(std::string_view line);
  /// Prints unless quiet.
  void info(std::string_view line);
  /// Always prints (redacted).
  void error(std::string_view line);

 private:
  void write(std::string_view line);
  std::ostream& out_;
  int level_;
  std::mutex mu_;
};

}  // namespace golive
