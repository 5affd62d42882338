#include "emukit/util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "crypto/random.hpp"

namespace golive::emukit {

namespace {

std::int64_t pow10(int places) {
  std::int64_t p = 1;
  for (int i = 0; i < places; ++i) p *= 10;
  return p;
}

}  // namespace

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

std::string random_base32(size_t n) {
  static constexpr char k_alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  const std::string bytes = crypto::random_bytes(n);
  std::string out;
  out.reserve(n);
  for (char b : bytes) out.push_back(k_alphabet[static_cast<unsigned char>(b) % 32]);
  return out;
}

std::string new_id(std::string_view prefix) {
  return std::string(prefix) + "_" + random_base32(20);
}

std::string http_date(std::chrono::system_clock::time_point t) {
  static constexpr std::array<const char*, 7> k_days = {"Sun", "Mon", "Tue", "Wed",
                                                        "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> k_months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                k_days.at(static_cast<size_t>(tm.tm_wday)), tm.tm_mday,
                k_months.at(static_cast<size_t>(tm.tm_mon)), tm.tm_year + 1900, tm.tm_hour,
                tm.tm_min, tm.tm_sec);
  return buf;
}

std::string iso8601(std::int64_t unix_seconds) {
  std::time_t secs = unix_seconds;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::optional<std::int64_t> parse_fixed(std::string_view text, int places) {
  const size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!is_digits(whole) || whole.size() > 12) return std::nullopt;
  if (dot != std::string_view::npos &&
      (!is_digits(frac) || frac.size() > static_cast<size_t>(places))) {
    return std::nullopt;
  }
  std::int64_t value = std::stoll(std::string(whole)) * pow10(places);
  if (!frac.empty()) {
    value += std::stoll(std::string(frac)) * pow10(places - static_cast<int>(frac.size()));
  }
  return value;
}

std::string format_fixed(std::int64_t value, int places) {
  const std::int64_t scale = pow10(places);
  const bool negative = value < 0;
  const std::int64_t abs = negative ? -value : value;
  std::string frac = std::to_string(abs % scale);
  frac.insert(0, static_cast<size_t>(places) - frac.size(), '0');
  std::string out = (negative ? "-" : "") + std::to_string(abs / scale);
  return places > 0 ? out + "." + frac : out;
}

std::string format_trimmed(std::int64_t value, int places) {
  std::string out = format_fixed(value, places);
  if (out.find('.') == std::string::npos) return out;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

}  // namespace golive::emukit
