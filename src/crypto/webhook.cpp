#include "crypto/webhook.hpp"

#include <algorithm>
#include <stdexcept>

#include "crypto/webhook_detail.hpp"

namespace golive::webhook {
namespace {

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

std::string joined_names() {
  std::string out;
  for (const auto& n : scheme_names()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::optional<std::string_view> find_header(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

const std::vector<std::string>& scheme_names() {
  static const std::vector<std::string> names = {"blockchain0x", "custom", "standard", "stripe"};
  return names;
}

std::unique_ptr<Scheme> make_scheme(const std::string& name, const CustomSchemeConfig* custom) {
  if (name == "blockchain0x") return detail::make_blockchain0x();
  if (name == "standard") return detail::make_standard();
  if (name == "stripe") return detail::make_stripe();
  if (name == "custom") {
    if (custom == nullptr) {
      throw std::invalid_argument(
          "webhook scheme 'custom' needs a custom scheme description (header names, signed "
          "template, key and digest encodings, tolerance mode)");
    }
    return detail::make_custom(*custom);
  }
  throw std::invalid_argument("unknown webhook scheme " + detail::quote(name) +
                              "; valid schemes: " + joined_names());
}

}  // namespace golive::webhook
