#include "engine/logger.hpp"

#include "core/secret.hpp"

namespace golive {

void Logger::write(std::string_view line) {
  std::lock_guard lock(mu_);
  out_ << redact(line) << '\n';
  out_.flush();
}

void Logger::debug(std::string_view line) {
  if (level_ >= 2) write(line);
}

void Logger::info(std::string_view line) {
  if (level_ >= 1) write(line);
}

void Logger::error(std::string_view line) {
  write(line);
}

}  // namespace golive
