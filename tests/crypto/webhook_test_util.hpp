#pragma once
/// Small helpers for the webhook scheme tests: edit a signed delivery's headers.
#include <string>
#include <string_view>
#include <utility>

#include "crypto/webhook.hpp"

namespace golive::webhook::testing {

/// `headers` without any header called exactly `name`.
inline HeaderList without(HeaderList headers, std::string_view name) {
  std::erase_if(headers, [&](const auto& h) { return h.first == name; });
  return headers;
}

/// `headers` with the value of header `name` replaced (appended if absent).
inline HeaderList replaced(HeaderList headers, std::string_view name, std::string value) {
  for (auto& h : headers) {
    if (h.first == name) {
      h.second = std::move(value);
      return headers;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
  return headers;
}

/// The value of header `name` (exact name), or "" when absent.
inline std::string value_of(const HeaderList& headers, std::string_view name) {
  for (const auto& h : headers) {
    if (h.first == name) return h.second;
  }
  return {};
}

}  // namespace golive::webhook::testing
