#include "core/secret.hpp"

#include <algorithm>

#include "crypto/digest.hpp"

namespace golive {

Secret::Secret(std::string value, std::string source)
    : value_(std::move(value)), source_(std::move(source)) {
  Redactor::global().add(value_);
}

std::string Secret::fingerprint() const {
  return crypto::fingerprint(value_);
}

Redactor& Redactor::global() {
  static Redactor instance;
  return instance;
}

void Redactor::add(std::string_view value) {
  if (value.size() < 4) return;
  std::lock_guard lock(mu_);
  if (std::find(values_.begin(), values_.end(), value) != values_.end()) return;
  values_.emplace_back(value);
  // Longest first, so a secret that contains another is masked whole.
  std::sort(values_.begin(), values_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::redact(std::string_view text) const {
  std::string out(text);
  std::lock_guard lock(mu_);
  for (const auto& v : values_) {
    for (size_t pos = out.find(v); pos != std::string::npos; pos = out.find(v, pos + 3)) {
      out.replace(pos, v.size(), "***");
    }
  }
  return out;
}

std::vector<std::string> Redactor::values() const {
  std::lock_guard lock(mu_);
  return values_;
}

size_t Redactor::size() const {
  std::lock_guard lock(mu_);
  return values_.size();
}

void Redactor::clear_for_tests() {
  std::lock_guard lock(mu_);
  values_.clear();
}

std::string redact(std::string_view text) {
  return Redactor::global().redact(text);
}

}  // namespace golive
